import { useRef, useState } from 'react';
import type { PackageImportResult } from '@shared/api/contract-export';
import { errorMessage } from '../api/client';
import { transferStore } from './transfer-store';
import { desktopBridge } from '../api/transport';
import { uploadFile } from '../api/upload';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { formatNumber } from '../app/locale';

// Importing a JSON package: a workspace (or one scorecard) exported by KPI Scorecard, into a
// new workspace — a consultant's client on another computer — or into the open one when
// nothing in it clashes. A package that is refused changes nothing, and says why.

interface Props {
  /** Whether a workspace is open to import into. */
  canImportIntoCurrent: boolean;
  onClose(): void;
  onImported(result: PackageImportResult, into: 'new' | 'current'): void;
}

export function PackageImportDialog({ canImportIntoCurrent, onClose, onImported }: Props) {
  const bridge = desktopBridge();
  const fileInput = useRef<HTMLInputElement>(null);
  const [into, setInto] = useState<'new' | 'current'>('new');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<PackageImportResult | null>(null);

  async function pickPath(): Promise<string | null> {
    if (bridge) return bridge.dialogs.importFile('package');
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setError('Choose a package file (.json) first.');
      return null;
    }
    return uploadFile(file, () => undefined);
  }

  async function run() {
    if (done) {
      onClose();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const path = await pickPath();
      if (path === null) return;
      const result = await transferStore.importPackage({ path, into });
      setDone(result);
      onImported(result, into);
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title="Import a package"
      submitLabel={done ? 'Done' : bridge ? 'Choose package…' : 'Import'}
      busy={busy}
      error={error}
      onClose={onClose}
      onSubmit={run}
    >
      {done ? (
        <p role="status">
          Imported {formatNumber(done.scorecards)} scorecards, {formatNumber(done.kpis)} KPIs and{' '}
          {formatNumber(done.values)} values into {done.workspace.name}.
        </p>
      ) : (
        <>
          {bridge ? null : (
            <Field label="Package file" help="A .json package exported by KPI Scorecard.">
              {(control) => (
                <input {...control} ref={fileInput} type="file" accept=".json,application/json" />
              )}
            </Field>
          )}
          {canImportIntoCurrent ? (
            <Field label="Import into">
              {(control) => (
                <select
                  {...control}
                  value={into}
                  onChange={(event) => {
                    setInto(event.target.value === 'current' ? 'current' : 'new');
                  }}
                >
                  <option value="new">A new workspace</option>
                  <option value="current">This workspace</option>
                </select>
              )}
            </Field>
          ) : null}
        </>
      )}
    </Dialog>
  );
}
