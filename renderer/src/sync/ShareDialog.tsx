import { useState } from 'react';
import { formatNumber } from '../app/locale';
import { Dialog } from '../ui/Dialog';
import { ConnectionFields } from './ConnectionFields';
import { SyncProgress } from './SyncProgress';
import { useSyncStore } from './sync-store';
import { useConnectionForm } from './use-connection-form';

// "Share this workspace…": makes a space on the team's PostgreSQL server and sends the whole
// history. A refusal (address, password, space) shows next to its field and changes nothing.

export function ShareDialog({
  workspaceName,
  onClose,
}: {
  workspaceName: string;
  onClose(): void;
}) {
  const share = useSyncStore((state) => state.share);
  const form = useConnectionForm({ url: '', password: '', space: workspaceName });
  const { value, errors, formError, busy } = form;
  const [done, setDone] = useState<string | null>(null);

  async function submit() {
    if (done !== null) {
      onClose();
      return;
    }
    const url = form.address();
    if (url === null) return;
    await form.attempt(async () => {
      const run = await share(url, value.space);
      setDone(
        `Shared as “${run.space}” on ${run.server}: ${formatNumber(run.sent)} changes sent. Others can now join it from their start screen.`,
      );
    });
  }

  return (
    <Dialog
      title="Share this workspace"
      submitLabel={done !== null ? 'Close' : busy ? 'Sharing…' : 'Share'}
      onSubmit={submit}
      onClose={onClose}
      busy={busy}
      error={formError}
      readOnly={done !== null}
    >
      {done !== null ? (
        <p role="status">{done}</p>
      ) : (
        <>
          <p>
            Your team&apos;s PostgreSQL server carries the changes between everyone&apos;s copy of
            this workspace; each person keeps working on their own file, offline too.
          </p>
          <ConnectionFields
            value={value}
            errors={errors}
            spaceHelp="The shared workspace's name on the server; others join it by this name."
            onChange={form.change}
          />
          {busy ? <SyncProgress space={value.space} verb="Sharing" /> : null}
        </>
      )}
    </Dialog>
  );
}
