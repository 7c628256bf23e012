import { useId } from 'react';
import type { ImportPreview } from '@shared/transfer/import-status';
import { cellText } from '@shared/transfer/table';
import { Field } from '../ui/Field';
import { ColumnSelect } from './ColumnSelect';
import { HeaderRowSelect, NumberStyleSelect } from './FileSelects';
import { LOCALE } from '../app/locale';
import { parseLocaleNumber } from '@shared/parse/number';
import {
  bothReadings,
  columnCount,
  columnLabel,
  headerOf,
  periodColumnsOf,
  remap,
  type ImportChoices,
} from './import-model';

// Step 2 of the import: the file as read, and which column is which. Every guess the app made
// is a control the user can change; the preview shows the rows as they were parsed.

interface Props {
  preview: ImportPreview;
  choices: ImportChoices;
  objectives: { id: string; label: string }[];
  onChange(choices: ImportChoices): void;
  /** The sheet or the CSV format changed: the file must be read again. */
  onReinspect(change: { sheet?: string; format?: ImportPreview['format'] }): void;
}

const ENCODINGS = [
  { value: 'utf-8', label: 'UTF-8' },
  { value: 'windows-1252', label: 'Windows-1252 (older Excel)' },
  { value: 'utf-16le', label: 'UTF-16 (Excel "Unicode text")' },
] as const;
const DELIMITERS = [
  { value: ',', label: 'Comma' },
  { value: ';', label: 'Semicolon' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Bar' },
] as const;

export function ImportMappingStep({ preview, choices, objectives, onChange, onReinspect }: Props) {
  const { mapping } = choices;
  const header = headerOf(preview, mapping.headerLine);
  const columns = columnCount(preview);
  const tableId = useId();
  const set = (patch: Partial<ImportChoices>) => {
    onChange({ ...choices, ...patch });
  };

  return (
    <div className="import-mapping">
      <div className="form-grid">
        {preview.kind === 'xlsx' ? (
          <Field label="Sheet">
            {(control) => (
              <select
                {...control}
                value={choices.sheet ?? ''}
                onChange={(event) => {
                  onReinspect({ sheet: event.target.value });
                }}
              >
                {preview.sheets.map((sheet) => (
                  <option key={sheet}>{sheet}</option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        {preview.format ? (
          <>
            <Field label="Text encoding">
              {(control) => (
                <select
                  {...control}
                  value={preview.format?.encoding}
                  onChange={(event) => {
                    const encoding = ENCODINGS.find((e) => e.value === event.target.value)?.value;
                    if (encoding && preview.format)
                      onReinspect({ format: { ...preview.format, encoding } });
                  }}
                >
                  {ENCODINGS.map((encoding) => (
                    <option key={encoding.value} value={encoding.value}>
                      {encoding.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Separator">
              {(control) => (
                <select
                  {...control}
                  value={preview.format?.delimiter}
                  onChange={(event) => {
                    const delimiter = DELIMITERS.find((d) => d.value === event.target.value)?.value;
                    if (delimiter && preview.format)
                      onReinspect({ format: { ...preview.format, delimiter } });
                  }}
                >
                  {DELIMITERS.map((delimiter) => (
                    <option key={delimiter.label} value={delimiter.value}>
                      {delimiter.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </>
        ) : null}
        <HeaderRowSelect
          preview={preview}
          value={mapping.headerLine}
          onChange={(headerLine) => {
            set({ mapping: remap(preview, choices, { headerLine }) });
          }}
        />
        <Field label="Layout">
          {(control) => (
            <select
              {...control}
              value={mapping.layout}
              onChange={(event) => {
                const layout = event.target.value === 'wide' ? 'wide' : 'long';
                set({ mapping: remap(preview, choices, { layout }) });
              }}
            >
              <option value="long">Long: one row per KPI and period</option>
              <option value="wide">Wide: one row per KPI, one column per period</option>
            </select>
          )}
        </Field>
        <ColumnSelect
          label="KPI column"
          value={mapping.kpiColumn}
          columns={columns}
          header={header}
          onChange={(column) => {
            const kpiColumn = column ?? 0;
            set({
              mapping:
                mapping.layout === 'wide'
                  ? {
                      ...mapping,
                      kpiColumn,
                      periodColumns: periodColumnsOf(header, kpiColumn, choices.dayFirst),
                    }
                  : { ...mapping, kpiColumn },
            });
          }}
        />
        {mapping.layout === 'long' ? (
          <>
            <ColumnSelect
              label="Period column"
              value={mapping.periodColumn}
              columns={columns}
              header={header}
              onChange={(column) => {
                set({ mapping: { ...mapping, periodColumn: column ?? 0 } });
              }}
            />
            <ColumnSelect
              label="Value column"
              value={mapping.valueColumn}
              columns={columns}
              header={header}
              onChange={(column) => {
                set({ mapping: { ...mapping, valueColumn: column ?? 0 } });
              }}
            />
            <ColumnSelect
              label="Comment column"
              value={mapping.commentColumn}
              columns={columns}
              header={header}
              optional
              onChange={(column) => {
                set({ mapping: { ...mapping, commentColumn: column } });
              }}
            />
          </>
        ) : (
          <p className="help" role="status">
            Periods: {mapping.periodColumns.length} columns
            {mapping.periodColumns.length > 0
              ? ` (${cellText(header[mapping.periodColumns[0] ?? 0])} to ${cellText(header[mapping.periodColumns.at(-1) ?? 0])})`
              : ''}
          </p>
        )}
        <NumberStyleSelect
          value={choices.numberLocale}
          onChange={(numberLocale) => {
            set({ numberLocale, numberStyleChosen: true });
          }}
        />
        {preview.guess.numberStyle.example ? (
          <NumberExample
            example={preview.guess.numberStyle.example}
            evidence={preview.guess.numberStyle.evidence}
            choices={choices}
            onChoose={(numberLocale) => {
              set({ numberLocale, numberStyleChosen: true });
            }}
          />
        ) : null}
        <Field label="Dates are written like">
          {(control) => (
            <select
              {...control}
              value={choices.dayFirst ? 'day' : 'month'}
              onChange={(event) => {
                set({ dayFirst: event.target.value === 'day' });
              }}
            >
              <option value="day">31/03/2026 (day first)</option>
              <option value="month">03/31/2026 (month first)</option>
            </select>
          )}
        </Field>
        <Field label="KPIs not in this workspace">
          {(control) => (
            <select
              {...control}
              value={choices.unknown}
              onChange={(event) => {
                set({ unknown: event.target.value === 'create' ? 'create' : 'skip' });
              }}
            >
              <option value="skip">Skip their values</option>
              <option value="create">Create them as monthly KPIs</option>
            </select>
          )}
        </Field>
        {choices.unknown === 'create' ? (
          <Field label="Objective for new KPIs">
            {(control) => (
              <select
                {...control}
                value={choices.objectiveId}
                onChange={(event) => {
                  set({ objectiveId: event.target.value });
                }}
              >
                <option value="">Choose…</option>
                {objectives.map((objective) => (
                  <option key={objective.id} value={objective.id}>
                    {objective.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
      </div>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={tableId}>
        <table className="preview-table" aria-labelledby={tableId}>
          <caption id={tableId}>First rows of {preview.fileName}</caption>
          <thead>
            <tr>
              <th scope="col">{preview.kind === 'csv' ? 'Line' : 'Row'}</th>
              {Array.from({ length: columns }, (_, column) => (
                <th key={column} scope="col">
                  {columnLabel(header, column)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr
                key={row.line}
                className={
                  row.line < mapping.headerLine
                    ? 'skipped'
                    : row.line === mapping.headerLine
                      ? 'header-row'
                      : undefined
                }
              >
                <th scope="row">{row.line}</th>
                {Array.from({ length: columns }, (_, column) => (
                  <td key={column}>{cellText(row.cells[column])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/**
 * A number of the file that reads two ways ("1.968"), shown both ways. When the file settles
 * nothing the wizard waits for this choice; otherwise it says what settled it.
 */
function NumberExample(props: {
  example: string;
  evidence: string | null;
  choices: ImportChoices;
  onChoose(locale: string): void;
}) {
  const { grouped, decimal } = bothReadings(props.example);
  const name = useId();
  const current = parseLocaleNumber(props.example, props.choices.numberLocale);
  const chosen = props.choices.numberStyleChosen && current.ok ? current.value : null;
  const show = (value: number) => value.toLocaleString(LOCALE, { maximumFractionDigits: 6 });
  const mark = props.example.includes(',') ? 'comma' : 'point';
  return (
    <fieldset className="number-example">
      <legend>“{props.example}” in this file means</legend>
      {props.choices.numberStyleChosen ? null : (
        <p role="alert">
          Nothing in the file says how its numbers are written. Choose how to read “{props.example}
          ”.
        </p>
      )}
      {props.evidence && props.choices.numberStyleChosen ? (
        <p className="help">Guessed from {props.evidence} in the file.</p>
      ) : null}
      <label>
        <input
          type="radio"
          name={name}
          checked={chosen === grouped.value}
          onChange={() => {
            props.onChoose(grouped.locale);
          }}
        />{' '}
        {show(grouped.value)} (the {mark} groups thousands)
      </label>
      <label>
        <input
          type="radio"
          name={name}
          checked={chosen === decimal.value}
          onChange={() => {
            props.onChoose(decimal.locale);
          }}
        />{' '}
        {show(decimal.value)} (the {mark} marks decimals)
      </label>
    </fieldset>
  );
}
