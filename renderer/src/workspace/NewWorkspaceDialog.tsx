import { useState } from 'react';
import { Dialog } from '../ui/Dialog';
import { newWorkspaceFile, WorkspaceNameField, workspaceNameError } from './WorkspaceNameField';
import { useWorkspaceStore } from './workspace-store';

// A new, empty workspace. On the desktop the native save dialog picks where it goes; in browser
// mode it goes into the workspaces folder under its name.

export function NewWorkspaceDialog({ onClose }: { onClose(): void }) {
  const { create, busy, error } = useWorkspaceStore();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();

  async function submit() {
    const problem = workspaceNameError(name);
    if (problem !== undefined) {
      setNameError(problem);
      return;
    }
    const file = await newWorkspaceFile(name);
    if (file !== null && (await create(name.trim(), file.path))) onClose();
  }

  return (
    <Dialog
      title="New workspace"
      submitLabel="Create"
      onSubmit={submit}
      onClose={onClose}
      busy={busy}
      error={error}
    >
      <WorkspaceNameField
        value={name}
        error={nameError}
        help="Usually the organisation or client, e.g. “Acme Ltd”."
        onChange={(value) => {
          setName(value);
          setNameError(undefined);
        }}
      />
    </Dialog>
  );
}
