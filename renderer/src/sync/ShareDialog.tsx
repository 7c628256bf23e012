import { useState } from 'react';
import { ApiError } from '@shared/api/errors';
import { errorMessage } from '../api/client';
import { formatNumber } from '../app/locale';
import { Dialog } from '../ui/Dialog';
import { addressWith, placeError } from './address';
import { ConnectionFields, type Connection } from './ConnectionFields';
import { SyncProgress } from './SyncProgress';
import { useSyncStore } from './sync-store';

// "Share this workspace…": makes a space on the team's PostgreSQL server and sends the whole
// history. A refusal (address, password, space) shows next to its field and changes nothing.

const FIELDS = ['url', 'password', 'space'] as const;

export function ShareDialog({
  workspaceName,
  onClose,
}: {
  workspaceName: string;
  onClose(): void;
}) {
  const share = useSyncStore((state) => state.share);
  const [value, setValue] = useState<Connection>({ url: '', password: '', space: workspaceName });
  const [errors, setErrors] = useState<Partial<Record<keyof Connection, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  async function submit() {
    if (done !== null) {
      onClose();
      return;
    }
    const url = addressWith(value.url, value.password);
    if (url === null) {
      setErrors({ url: 'Server address must look like postgres://USER@HOST:PORT/DATABASE' });
      return;
    }
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      const run = await share(url, value.space);
      setDone(
        `Shared as “${run.space}” on ${run.server}: ${formatNumber(run.sent)} changes sent. Others can now join it from their start screen.`,
      );
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
            onChange={(next) => {
              setValue(next);
              setErrors({});
            }}
          />
          {busy ? <SyncProgress space={value.space} verb="Sharing" /> : null}
        </>
      )}
    </Dialog>
  );
}
