import { useState } from 'react';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { desktopBridge } from '../api/transport';
import { useWorkspaceStore } from './workspace-store';

// A new, empty workspace. On the desktop the native save dialog picks where it goes; in browser
// mode it goes into the workspaces folder under its name.

export function NewWorkspaceDialog({ onClose }: { onClose(): void }) {
  const { create, busy, error } = useWorkspaceStore();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();

  async function submit() {
    if (name.trim() === '') {
      setNameError('Name is required');
      return;
    }
    const bridge = desktopBridge();
    let path: string | undefined;
    if (bridge) {
      const chosen = await bridge.dialogs.newWorkspace(name.trim());
      if (!chosen) return;
      path = chosen;
    }
    if (await create(name.trim(), path)) onClose();
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
      <Field
        label="Workspace name"
        error={nameError}
        help="Usually the organisation or client, e.g. “Acme Ltd”."
      >
        {(control) => (
          <input
            {...control}
            autoFocus
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              setNameError(undefined);
            }}
          />
        )}
      </Field>
    </Dialog>
  );
}
