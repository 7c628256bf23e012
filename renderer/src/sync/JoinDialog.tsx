import { useState } from 'react';
import { ApiError } from '@shared/api/errors';
import { errorMessage } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { newWorkspaceFile } from '../workspace/WorkspaceNameField';
import { useWorkspaceStore } from '../workspace/workspace-store';
import { addressWith, placeError } from './address';
import { ConnectionFields, type Connection } from './ConnectionFields';
import { SyncProgress } from './SyncProgress';
import { useSyncStore } from './sync-store';

// "Join a shared workspace…" from the start screen: a new workspace file with everything in the
// space, then opened. On the desktop the save dialog picks the file; in browser mode it goes
// into the workspaces folder named after the space, as New workspace does. The space is
// checked before any file is made, so a refusal leaves nothing behind.

const FIELDS = ['url', 'password', 'space'] as const;

export function JoinDialog({ onClose }: { onClose(): void }) {
  const adopt = useWorkspaceStore((state) => state.adopt);
  const join = useSyncStore((state) => state.join);
  const [value, setValue] = useState<Connection>({ url: '', password: '', space: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof Connection, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const url = addressWith(value.url, value.password);
    if (url === null) {
      setErrors({ url: 'Server address must look like postgres://USER@HOST:PORT/DATABASE' });
      return;
    }
    if (value.space.trim() === '') {
      setErrors({ space: 'Space name is required' });
      return;
    }
    const file = await newWorkspaceFile(value.space);
    if (file === null) return;
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      await adopt(await join(url, value.space, file.path));
      onClose();
    } catch (error) {
      if (error instanceof ApiError) {
        const placed = placeError(error, FIELDS);
        if (placed.field === null) setFormError(placed.message);
        else setErrors({ [placed.field]: placed.message });
      } else setFormError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title="Join a shared workspace"
      submitLabel={busy ? 'Joining…' : 'Join'}
      onSubmit={submit}
      onClose={onClose}
      busy={busy}
      error={formError}
    >
      <p>
        A copy of a workspace your team shares, kept in step through their PostgreSQL server. Ask
        whoever shared it for the address and the space name.
      </p>
      <ConnectionFields
        value={value}
        errors={errors}
        spaceHelp="The shared workspace's name on the server."
        onChange={(next) => {
          setValue(next);
          setErrors({});
        }}
      />
      {busy ? <SyncProgress space={value.space} verb="Joining" /> : null}
    </Dialog>
  );
}
