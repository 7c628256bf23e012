import { useEffect, useState } from 'react';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { errorMessage } from '../api/client';
import { desktopBridge } from '../api/transport';
import { useWorkspaceStore } from './workspace-store';

// A consistent copy of the open workspace (SQLite's online backup). Desktop: the native save
// dialog; browser mode: a path.

export function SaveCopyDialog({ onClose }: { onClose(): void }) {
  const workspace = useWorkspaceStore((state) => state.current);
  const saveCopy = useWorkspaceStore((state) => state.saveCopy);
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(target: string) {
    setBusy(true);
    try {
      setSaved(await saveCopy(target));
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    const bridge = desktopBridge();
    if (!bridge || !workspace) return;
    void bridge.dialogs.saveCopy(`${workspace.name} copy`).then((chosen) => {
      if (chosen) void save(chosen);
      else onClose();
    });
    // The native dialog is shown once, when this opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <Dialog
      title="Save a copy"
      submitLabel={saved ? 'Done' : 'Save copy'}
      busy={busy}
      onClose={onClose}
      onSubmit={() => {
        if (saved) onClose();
        else if (path.trim() === '') setError('Type the full path for the copy, ending in .kpis');
        else void save(path.trim());
      }}
    >
      {saved ? (
        <p role="status">Saved a copy as {saved}.</p>
      ) : (
        <Field
          label="Save the copy as"
          error={error}
          help="A full path, e.g. /home/me/Backups/acme-2026-11.kpis"
        >
          {(control) => (
            <input {...control} value={path} onChange={(event) => setPath(event.target.value)} />
          )}
        </Field>
      )}
    </Dialog>
  );
}
