import { useEffect, useMemo, useRef, useState } from 'react';
import type { ImportJobStatus, ImportPreview } from '@shared/transfer/import-status';
import { errorMessage } from '../api/client';
import { useScorecardStore } from '../scorecard/scorecard-store';
import { desktopBridge } from '../api/transport';
import { uploadFile } from '../api/upload';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { LOCALE, formatNumber } from '../app/locale';
import { transferStore } from './transfer-store';
import { DefinitionsImportDialog } from './DefinitionsImportDialog';
import { ImportMappingStep } from './ImportMappingStep';
import { ImportSummaryStep } from './ImportSummaryStep';
import { choicesFrom, choicesProblem, startParams, type ImportChoices } from './import-model';

// Importing values: pick a file, check how it was read and map its columns, see the dry run,
// apply in one transaction. Progress is shown for anything that takes a while, and Cancel
// works at every step (an import cancelled while applying changes nothing).

type Step =
  | { kind: 'pick' }
  | { kind: 'upload'; share: number }
  | { kind: 'map'; path: string; preview: ImportPreview; choices: ImportChoices }
  | {
      kind: 'job';
      path: string;
      preview: ImportPreview;
      choices: ImportChoices;
      status: ImportJobStatus;
    };

interface Props {
  scorecardId: string | null;
  scorecardName: string;
  onClose(): void;
  /** Values or KPIs were written; the views should load again. */
  onImported(): void;
}

function percent(status: ImportJobStatus): number {
  const { done, total } = status.progress;
  return total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
}

export function ImportWizard({ scorecardId, scorecardName, onClose, onImported }: Props) {
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [contents, setContents] = useState<'values' | 'definitions'>('values');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [flagsConfirmed, setFlagsConfirmed] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const bridge = desktopBridge();

  // The objectives new KPIs can go under: those of the scorecard on screen.
  const view = useScorecardStore((state) => state.view);
  const objectives = useMemo(
    () =>
      view && view.scorecard.id === scorecardId
        ? view.perspectives.flatMap((p) =>
            p.objectives.map((o) => ({
              id: o.objective.id,
              label: `${p.perspective.name} › ${o.objective.name}`,
            })),
          )
        : [],
    [view, scorecardId],
  );

  // The job's progress is pushed by the backend; its whole status is read at each new phase.
  const jobId = step.kind === 'job' ? step.status.id : null;
  useEffect(() => {
    if (jobId === null) return;
    const mine = (current: Step): current is Extract<Step, { kind: 'job' }> =>
      current.kind === 'job' && current.status.id === jobId;
    return transferStore.followImport(jobId, {
      progress: ({ done, total }) => {
        setStep((current) =>
          mine(current)
            ? {
                ...current,
                status: {
                  ...current.status,
                  progress: { ...current.status.progress, done, total: total ?? 0 },
                },
              }
            : current,
        );
      },
      status: (status) => {
        setStep((current) => (mine(current) ? { ...current, status } : current));
        if (status.phase === 'applied') onImported();
      },
      error: (cause) => {
        setError(errorMessage(cause));
      },
    });
  }, [jobId, onImported]);

  async function inspect(
    path: string,
    change: { sheet?: string; format?: ImportPreview['format'] } = {},
  ) {
    setBusy(true);
    setError(null);
    try {
      const preview = await transferStore.inspect({
        path,
        locale: LOCALE,
        ...(change.sheet === undefined ? {} : { sheet: change.sheet }),
        ...(change.format ? { format: change.format } : {}),
      });
      setStep((current) => ({
        kind: 'map',
        path,
        preview,
        choices: choicesFrom(preview, current.kind === 'map' ? current.choices : undefined),
      }));
    } catch (cause) {
      setError(errorMessage(cause));
      setStep((current) => (current.kind === 'upload' ? { kind: 'pick' } : current));
    } finally {
      setBusy(false);
    }
  }

  async function pickDesktop() {
    const path = await bridge?.dialogs.importFile('values');
    if (path) await inspect(path);
  }

  async function pickBrowser() {
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setError('Choose a CSV or XLSX file first.');
      return;
    }
    setError(null);
    setStep({ kind: 'upload', share: 0 });
    try {
      const path = await uploadFile(file, (share) => {
        setStep({ kind: 'upload', share });
      });
      setStep({ kind: 'pick' });
      await inspect(path);
    } catch (cause) {
      setError(errorMessage(cause));
      setStep({ kind: 'pick' });
    }
  }

  async function start() {
    if (step.kind !== 'map') return;
    const problem = choicesProblem(step.choices, step.preview.guess.numberStyle.example);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const status = await transferStore.startImport(startParams(step.path, step.choices));
      setFlagsConfirmed(false);
      setStep({ ...step, kind: 'job', status });
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  }

  /** The dry run again with percent KPIs read as fractions: the current one is rolled back. */
  async function readAsPercent(kpiIds: string[]) {
    if (step.kind !== 'job') return;
    const choices = {
      ...step.choices,
      fractionsAsPercent: [...new Set([...step.choices.fractionsAsPercent, ...kpiIds])],
    };
    setBusy(true);
    setError(null);
    try {
      const status = await transferStore.rereadImport(step.status.id, choices);
      setFlagsConfirmed(false);
      setStep({ ...step, choices, status });
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  }

  async function apply() {
    if (step.kind !== 'job') return;
    setError(null);
    try {
      const status = await transferStore.applyImport(step.status.id);
      setStep({ ...step, status });
    } catch (cause) {
      setError(errorMessage(cause));
    }
  }

  async function cancel() {
    if (step.kind === 'job' && ['reading', 'ready', 'applying'].includes(step.status.phase)) {
      try {
        await transferStore.cancelImport(step.status.id);
      } catch {
        // Already over; closing is what the user asked for.
      }
    }
    onClose();
  }

  const submit = (): void | Promise<void> => {
    switch (step.kind) {
      case 'pick':
        return bridge ? pickDesktop() : pickBrowser();
      case 'upload':
        return undefined;
      case 'map':
        return start();
      case 'job':
        if (step.status.phase === 'ready') return apply();
        if (step.status.phase === 'failed' || step.status.phase === 'cancelled') {
          setStep({ kind: 'map', path: step.path, preview: step.preview, choices: step.choices });
          return undefined;
        }
        if (step.status.phase === 'applied') onClose();
        return undefined;
    }
  };

  const status = step.kind === 'job' ? step.status : null;
  const importable = status?.summary ? status.summary.newValues + status.summary.changedValues : 0;
  const submitLabel =
    step.kind === 'pick'
      ? bridge
        ? 'Choose file…'
        : 'Read file'
      : step.kind === 'map'
        ? 'Check'
        : status?.phase === 'ready'
          ? `Import ${formatNumber(importable)} ${importable === 1 ? 'value' : 'values'}`
          : status?.phase === 'applied'
            ? 'Done'
            : status?.phase === 'failed' || status?.phase === 'cancelled'
              ? 'Back to the columns'
              : 'Working…';
  const working =
    busy ||
    step.kind === 'upload' ||
    status?.phase === 'reading' ||
    status?.phase === 'applying' ||
    (status?.phase === 'ready' && importable === 0) ||
    (status?.phase === 'ready' && (status.summary?.flags.length ?? 0) > 0 && !flagsConfirmed);

  if (step.kind === 'map' && contents === 'definitions' && scorecardId)
    return (
      <DefinitionsImportDialog
        path={step.path}
        preview={step.preview}
        scorecardId={scorecardId}
        scorecardName={scorecardName}
        onClose={onClose}
        onImported={onImported}
      />
    );

  return (
    <Dialog
      title="Import values"
      submitLabel={submitLabel}
      busy={working}
      error={error ?? (status?.phase === 'failed' ? status.message : null)}
      onClose={() => void cancel()}
      onSubmit={submit}
      wide
    >
      {step.kind === 'pick' ? (
        <Field label="The file holds">
          {(control) => (
            <select
              {...control}
              value={contents}
              onChange={(event) => {
                setContents(event.target.value === 'definitions' ? 'definitions' : 'values');
              }}
            >
              <option value="values">KPI values</option>
              <option value="definitions" disabled={!scorecardId}>
                KPI definitions (a list of KPIs for this scorecard)
              </option>
            </select>
          )}
        </Field>
      ) : null}
      {step.kind === 'pick' ? (
        bridge ? (
          <p>Choose a CSV or Excel (.xlsx) file with KPI values.</p>
        ) : (
          <Field
            label="Spreadsheet file"
            help="A CSV or Excel (.xlsx) file: one row per KPI and period, or one row per KPI with a column per period."
          >
            {(control) => (
              <input {...control} ref={fileInput} type="file" accept=".csv,.tsv,.txt,.xlsx,.xlsm" />
            )}
          </Field>
        )
      ) : null}
      {busy && step.kind === 'pick' ? (
        <p role="status" className="progress-row">
          Reading the first rows of the file…
        </p>
      ) : null}
      {step.kind === 'upload' ? (
        <label className="progress-row">
          Sending the file to the app…
          <progress value={step.share} max={1} aria-label="Sending the file" />
        </label>
      ) : null}
      {step.kind === 'map' ? (
        <ImportMappingStep
          preview={step.preview}
          choices={step.choices}
          objectives={objectives}
          onChange={(choices) => {
            setError(null);
            setStep({ ...step, choices });
          }}
          onReinspect={(change) => void inspect(step.path, change)}
        />
      ) : null}
      {status?.phase === 'reading' || status?.phase === 'applying' ? (
        <label className="progress-row">
          {status.phase === 'reading' ? `Reading ${status.fileName}…` : 'Writing the values…'}
          <progress
            value={percent(status)}
            max={100}
            aria-label={status.phase === 'reading' ? 'Reading the file' : 'Writing the values'}
          />
          <span>{percent(status)} %</span>
        </label>
      ) : null}
      {status?.summary && status.phase === 'ready' ? (
        <ImportSummaryStep
          summary={status.summary}
          flagsConfirmed={flagsConfirmed}
          onConfirmFlags={setFlagsConfirmed}
          onReadAsPercent={(kpiIds) => void readAsPercent(kpiIds)}
        />
      ) : null}
      {status?.phase === 'applied' && status.result ? (
        <p role="status">
          Imported {formatNumber(status.result.inserted)} new and{' '}
          {formatNumber(status.result.updated)} changed values
          {status.result.kpisCreated > 0
            ? `, and created ${formatNumber(status.result.kpisCreated)} KPIs`
            : ''}
          ; {formatNumber(status.result.unchanged)} were already up to date.
        </p>
      ) : null}
      {status?.phase === 'cancelled' ? (
        <p role="status">{status.message ?? 'The import was cancelled; nothing was changed.'}</p>
      ) : null}
    </Dialog>
  );
}
