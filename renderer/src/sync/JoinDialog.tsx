import { Dialog } from '../ui/Dialog';
import { newWorkspaceFile } from '../workspace/WorkspaceNameField';
import { useWorkspaceStore } from '../workspace/workspace-store';
import { ConnectionFields } from './ConnectionFields';
import { SyncProgress } from './SyncProgress';
import { useSyncStore } from './sync-store';
import { useConnectionForm } from './use-connection-form';

// "Join a shared workspace…" from the start screen: a new workspace file with everything in the
// space, then opened. On the desktop the save dialog picks the file; in browser mode it goes
// into the workspaces folder named after the space, as New workspace does. The space is
// checked before any file is made, so a refusal leaves nothing behind.

export function JoinDialog({ onClose }: { onClose(): void }) {
  const adopt = useWorkspaceStore((state) => state.adopt);
  const join = useSyncStore((state) => state.join);
  const form = useConnectionForm({ url: '', password: '', space: '' });
  const { value, errors, formError, busy } = form;

  async function submit() {
    const url = form.address();
    if (url === null) return;
    if (value.space.trim() === '') {
      form.setErrors({ space: 'Space name is required' });
      return;
    }
    const file = await newWorkspaceFile(value.space);
    if (file === null) return;
    const joined = await form.attempt(async () => {
      await adopt(await join(url, value.space, file.path));
    });
    if (joined) onClose();
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
        onChange={form.change}
      />
      {busy ? <SyncProgress space={value.space} verb="Joining" /> : null}
    </Dialog>
  );
}
