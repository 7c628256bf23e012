import { useState } from 'react';
import {
  DEFINITION_FIELDS,
  guessDefinitionColumns,
  type DefinitionColumns,
  type DefinitionField,
} from '@shared/transfer/definition-rows';
import type { DefinitionImportResult, ImportPreview } from '@shared/transfer/import-status';
import { errorMessage } from '../api/client';
import { transferStore } from './transfer-store';
import { Dialog } from '../ui/Dialog';
import { formatNumber } from '../app/locale';
import { ColumnSelect } from './ColumnSelect';
import { HeaderRowSelect, NumberStyleSelect } from './FileSelects';
import { columnCount, headerOf, numberStyleOf } from './import-model';

// Importing KPI definitions into the selected scorecard: map the columns, read the dry run
// (what each row would do, and every row that cannot be imported), then import.

const FIELD_LABELS: Record<DefinitionField, string> = {
  name: 'KPI name column',
  perspective: 'Perspective column',
  objective: 'Objective column',
  unit: 'Unit column',
  direction: 'Direction column',
  frequency: 'Frequency column',
  target: 'Target column',
  owner: 'Owner column',
  supports: 'Supports objective column',
};

interface Props {
  path: string;
  preview: ImportPreview;
  scorecardId: string;
  scorecardName: string;
  onClose(): void;
  onImported(): void;
}

export function DefinitionsImportDialog(props: Props) {
  const { preview } = props;
  const [headerLine, setHeaderLine] = useState(preview.guess.mapping.headerLine);
  const [columns, setColumns] = useState<DefinitionColumns>(() =>
    guessDefinitionColumns(headerOf(preview, preview.guess.mapping.headerLine)),
  );
  const [numberLocale, setNumberLocale] = useState(() => numberStyleOf(preview));
  const [result, setResult] = useState<DefinitionImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const header = headerOf(preview, headerLine);
  const count = columnCount(preview);

  async function run(apply: boolean) {
    setBusy(true);
    setError(null);
    try {
      const answer = await transferStore.importDefinitions({
        path: props.path,
        sheet: preview.sheet,
        format: preview.format,
        headerLine,
        columns,
        numberLocale,
        scorecardId: props.scorecardId,
        apply,
      });
      setResult(answer);
      if (answer.applied) props.onImported();
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  }

  const importable = result ? result.created + result.updated : 0;
  return (
    <Dialog
      title="Import KPI definitions"
      submitLabel={
        result?.applied
          ? 'Done'
          : result
            ? `Import ${formatNumber(importable)} ${importable === 1 ? 'KPI' : 'KPIs'}`
            : 'Check'
      }
      busy={busy || (result !== null && !result.applied && importable === 0)}
      error={error}
      wide
      onClose={props.onClose}
      onSubmit={() => {
        if (result?.applied) props.onClose();
        else void run(result !== null);
      }}
    >
      {result === null ? (
        <div className="import-mapping">
          <p>
            Into the scorecard “{props.scorecardName}”. Missing perspectives and objectives are
            created by name.
          </p>
          <div className="form-grid">
            <HeaderRowSelect
              preview={preview}
              value={headerLine}
              onChange={(line) => {
                setHeaderLine(line);
                setColumns(guessDefinitionColumns(headerOf(preview, line)));
              }}
            />
            {DEFINITION_FIELDS.map((field) => (
              <ColumnSelect
                key={field}
                label={FIELD_LABELS[field]}
                value={columns[field] ?? null}
                columns={count}
                header={header}
                optional={field !== 'name'}
                onChange={(value) => {
                  setColumns((current) =>
                    field === 'name'
                      ? { ...current, name: value ?? 0 }
                      : { ...current, [field]: value },
                  );
                }}
              />
            ))}
            <NumberStyleSelect value={numberLocale} onChange={setNumberLocale} />
          </div>
        </div>
      ) : (
        <div className="import-summary">
          {result.applied ? (
            <p role="status">
              Created {formatNumber(result.created)} and updated {formatNumber(result.updated)}{' '}
              KPIs.
            </p>
          ) : null}
          <ul className="summary-counts" aria-label="Dry run">
            <li>
              <strong>{formatNumber(result.created)}</strong> new KPIs
            </li>
            <li>
              <strong>{formatNumber(result.updated)}</strong> updated
            </li>
            <li>
              <strong>{formatNumber(result.unchanged)}</strong> unchanged
            </li>
            <li>
              <strong>{formatNumber(result.links)}</strong> new links between objectives
            </li>
            <li>
              <strong>{formatNumber(result.problemCount)}</strong>{' '}
              {result.problemCount === 1 ? 'error' : 'errors'}
            </li>
          </ul>
          {result.problems.length > 0 ? (
            <section aria-label="Rows that cannot be imported">
              <h3>Rows that cannot be imported</h3>
              <ul className="problem-list" tabIndex={0} aria-label="Problems">
                {result.problems.map((problem, index) => (
                  <li key={index}>
                    <strong>{problem.where}:</strong> {problem.message}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      )}
    </Dialog>
  );
}
