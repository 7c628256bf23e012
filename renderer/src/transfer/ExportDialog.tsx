import { useState } from 'react';
import type { ExportResult, ValueExportLayout } from '@shared/api/contract-export';
import { ApiError } from '@shared/api/errors';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { errorMessage, platform } from '../api/client';
import { transferStore } from './transfer-store';
import { desktopBridge } from '../api/transport';
import { useScorecardStore } from '../scorecard/scorecard-store';
import { formatNumber } from '../app/locale';
import { saveDownload } from './export-download';
import { LOCALE } from '../app/locale';
import {
  exportCall,
  FORMAT_LABELS,
  LAYOUT_LABELS,
  type ExportChoice,
  type ExportFormat,
  type ExportScope,
} from './export-model';

// Export…: values to XLSX or CSV (long or wide, optionally a period range) or a JSON package,
// of the whole workspace or the scorecard on screen. Browser mode downloads the file; the
// desktop app writes it to the path the user gives.

const FORMATS: ExportFormat[] = ['xlsx', 'csv', 'package'];
const LAYOUTS: ValueExportLayout[] = ['long', 'wide'];
const SCOPES: ExportScope[] = ['workspace', 'scorecard'];

export function ExportDialog({ onClose }: { onClose(): void }) {
  const scorecard = useScorecardStore((state) => state.view?.scorecard ?? null);
  const [choice, setChoice] = useState<ExportChoice>({
    format: 'xlsx',
    layout: 'long',
    scope: 'workspace',
    fromPeriod: '',
    toPeriod: '',
  });
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<ExportResult | null>(null);
  const update = (patch: Partial<ExportChoice>) => {
    setChoice((current) => ({ ...current, ...patch }));
  };
  const downloads = platform === 'browser';
  const values = choice.format !== 'package';

  async function run() {
    const bridge = desktopBridge();
    let target = path.trim();
    if (bridge) {
      // The desktop app asks where to write with the system's own save dialog.
      const chosen = await bridge.dialogs.saveExport(
        `${scorecard?.name ?? 'KPI values'} ${choice.format === 'package' ? 'package' : 'values'}`,
        choice.format === 'package' ? 'json' : choice.format,
      );
      if (chosen === null) return;
      target = chosen;
    }
    if (!downloads && target === '') {
      setFieldErrors({ path: 'Type the full path of the file to write' });
      return;
    }
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      const call = exportCall(
        choice,
        scorecard?.id ?? null,
        downloads ? { kind: 'download' } : { kind: 'file', path: target },
        LOCALE,
      );
      const result =
        call.method === 'export.values'
          ? await transferStore.exportValues(call.params)
          : await transferStore.exportPackage(call.params);
      await saveDownload(result);
      setDone(result);
    } catch (cause) {
      const field = cause instanceof ApiError ? cause.field : undefined;
      if (field === 'fromPeriod' || field === 'toPeriod' || field === 'path')
        setFieldErrors({ [field]: errorMessage(cause) });
      else setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  }

  if (done)
    return (
      <Dialog title="Export" submitLabel="Done" readOnly onClose={onClose} onSubmit={onClose}>
        <p role="status">
          {done.path
            ? `Exported ${formatNumber(done.rows)} rows to ${done.path}.`
            : `Exported ${formatNumber(done.rows)} rows as “${done.fileName}”; your browser saves it with its downloads.`}
        </p>
      </Dialog>
    );

  return (
    <Dialog
      title="Export"
      submitLabel={busy ? 'Exporting…' : 'Export'}
      busy={busy}
      error={error}
      onClose={onClose}
      onSubmit={run}
    >
      <div className="export-choices">
        <fieldset>
          <legend>Format</legend>
          {FORMATS.map((format) => (
            <label key={format} className="export-option">
              <input
                type="radio"
                name="export-format"
                checked={choice.format === format}
                onChange={() => update({ format })}
              />
              {FORMAT_LABELS[format]}
            </label>
          ))}
        </fieldset>
        {values ? (
          <fieldset>
            <legend>Layout</legend>
            {LAYOUTS.map((layout) => (
              <label key={layout} className="export-option">
                <input
                  type="radio"
                  name="export-layout"
                  checked={choice.layout === layout}
                  onChange={() => update({ layout })}
                />
                {LAYOUT_LABELS[layout]}
              </label>
            ))}
          </fieldset>
        ) : null}
        <fieldset>
          <legend>What to export</legend>
          {SCOPES.map((scope) => (
            <label key={scope} className="export-option">
              <input
                type="radio"
                name="export-scope"
                checked={choice.scope === scope}
                disabled={scope === 'scorecard' && !scorecard}
                onChange={() => update({ scope })}
              />
              {scope === 'workspace'
                ? 'The whole workspace'
                : `The scorecard “${scorecard?.name ?? '—'}”${values ? '' : ' and the scorecards below it'}`}
            </label>
          ))}
        </fieldset>
        {values ? (
          <fieldset>
            <legend>Periods (optional)</legend>
            <Field
              label="From period"
              error={fieldErrors.fromPeriod}
              help="e.g. 2026-01, Jan 2026, 2026-Q1 or Q1 2026"
            >
              {(control) => (
                <input
                  {...control}
                  value={choice.fromPeriod}
                  onChange={(event) => update({ fromPeriod: event.target.value })}
                />
              )}
            </Field>
            <Field
              label="To period"
              error={fieldErrors.toPeriod}
              help="e.g. Dec 2026, 2026-Q4 or 2026"
            >
              {(control) => (
                <input
                  {...control}
                  value={choice.toPeriod}
                  onChange={(event) => update({ toPeriod: event.target.value })}
                />
              )}
            </Field>
          </fieldset>
        ) : null}
        {downloads || desktopBridge() ? null : (
          <Field
            label="Save the export as"
            error={fieldErrors.path}
            help="A full path, e.g. /home/me/Documents/acme-values.xlsx"
          >
            {(control) => (
              <input {...control} value={path} onChange={(event) => setPath(event.target.value)} />
            )}
          </Field>
        )}
      </div>
    </Dialog>
  );
}
