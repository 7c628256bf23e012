import { useEffect, useState } from 'react';
import type { WorkspaceFileEntry } from '@shared/api/contract';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { errorMessage } from '../api/client';
import { useWorkspaceStore } from './workspace-store';
import { formatDate } from '../app/locale';

// Browser mode has no native open dialog: list the workspaces folder, or take a full path.

export function OpenFileDialog({ onClose }: { onClose(): void }) {
  const { open, busy, error, listFiles } = useWorkspaceStore();
  const [files, setFiles] = useState<WorkspaceFileEntry[]>([]);
  const [listError, setListError] = useState<string | null>(null);
  const [path, setPath] = useState('');
  const [pathError, setPathError] = useState<string | undefined>();

  useEffect(() => {
    listFiles().then(setFiles, (cause: unknown) => {
      setListError(errorMessage(cause));
    });
  }, [listFiles]);

  async function openPath(target: string) {
    if (await open(target)) onClose();
  }

  return (
    <Dialog
      title="Open a workspace"
      submitLabel="Open"
      onSubmit={() => {
        if (path.trim() === '')
          setPathError('Type the full path of a .kpis file, or pick one above');
        else void openPath(path.trim());
      }}
      onClose={onClose}
      busy={busy}
      error={error ?? listError}
    >
      {files.length > 0 ? (
        <ul className="file-list" aria-label="Workspaces in the workspaces folder">
          {files.map((file) => (
            <li key={file.path}>
              <button type="button" className="link" onClick={() => void openPath(file.path)}>
                {file.name}
              </button>{' '}
              <span className="when">{formatDate(file.modifiedAt)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">No workspaces in the workspaces folder yet.</p>
      )}
      <Field label="Path of a workspace file" error={pathError}>
        {(control) => (
          <input
            {...control}
            value={path}
            placeholder="/home/me/Clients/acme.kpis"
            onChange={(event) => {
              setPath(event.target.value);
              setPathError(undefined);
            }}
          />
        )}
      </Field>
    </Dialog>
  );
}
