import { useEffect, useState } from 'react';
import type { BackupInfo } from '@shared/api/contract-backups';
import type { WorkspaceInfo } from '@shared/domain/entities';
import { errorMessage } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { useWorkspaceStore } from './workspace-store';
import { formatNumber, LOCALE } from '../app/locale';

// "Restore a backup…": the open workspace's automatic backups with their date and what they
// hold. The workspace as it is now is backed up before a restore, so a restore can be undone
// by restoring that backup ("before restoring").

const WHEN = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeStyle: 'short' });

function describe(backup: BackupInfo): string {
  const held = `${formatNumber(backup.scorecards)} scorecard(s), ${formatNumber(backup.kpis)} KPI(s), ${formatNumber(backup.values)} value(s)`;
  const when = WHEN.format(new Date(backup.takenAt));
  return backup.kind === 'before-restore'
    ? `${when}, before restoring — ${held}`
    : `${when} — ${held}`;
}

export function RestoreBackupDialog(props: {
  onClose(): void;
  onRestored(workspace: WorkspaceInfo): void;
}) {
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    useWorkspaceStore
      .getState()
      .listBackups()
      .then(setBackups, (cause: unknown) => {
        setError(errorMessage(cause));
      });
  }, []);

  async function restore() {
    const backup = backups?.find((b) => b.id === chosen);
    if (!backup) {
      setError('Choose a backup to restore.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const store = useWorkspaceStore.getState();
      const workspace = await store.restoreBackup(backup.id);
      props.onRestored(workspace);
      setDone(`Restored the backup of ${describe(backup)}.`);
      setBackups(await store.listBackups());
      setChosen(null);
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title="Restore a backup"
      submitLabel="Restore"
      onSubmit={restore}
      onClose={props.onClose}
      busy={busy || backups === null}
      error={error}
      wide
    >
      <p>
        A backup is taken once a day when the workspace is opened. Restoring one replaces what is in
        the workspace now; the current state is backed up first, so you can undo it.
      </p>
      {done ? <p role="status">{done}</p> : null}
      {backups === null ? (
        <p role="status">Reading the backups…</p>
      ) : backups.length === 0 ? (
        <p>There are no backups of this workspace yet.</p>
      ) : (
        <fieldset>
          <legend>Backups, newest first</legend>
          {backups.map((backup) => (
            <label key={backup.id} className="export-option">
              <input
                type="radio"
                name="backup"
                value={backup.id}
                checked={chosen === backup.id}
                onChange={() => setChosen(backup.id)}
              />{' '}
              {describe(backup)}
            </label>
          ))}
        </fieldset>
      )}
    </Dialog>
  );
}
