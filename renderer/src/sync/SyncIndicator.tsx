import { useEffect, useState } from 'react';
import { afterNextPaint } from '../app/after-paint';
import { LOCALE } from '../app/locale';
import { shortStatus } from '@shared/sync/status-text';
import { SyncPanel } from './SyncPanel';
import { useSyncStore } from './sync-store';

// The top bar's sync button of a shared workspace: where it stands in a few words (conflicts,
// offline, a password needed come first), opening the sync panel.

export function SyncIndicator({ workspacePath }: { workspacePath: string }) {
  const status = useSyncStore((state) => state.status);
  const load = useSyncStore((state) => state.load);
  const [open, setOpen] = useState(false);
  const [now, setNow] = useState(() => Date.now());

  // After the workspace's first screen has been painted (app/after-paint.ts).
  useEffect(() => afterNextPaint(() => void load()), [load, workspacePath]);
  useEffect(() => {
    // "Synced 2 minutes ago" ages while nothing happens.
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  if (status === null) return null;
  const text = shortStatus(status, now, LOCALE);
  const attention = status.state !== 'idle' && status.state !== 'syncing';
  return (
    <>
      <button
        type="button"
        className={
          attention || status.conflicts > 0 ? 'sync-indicator attention' : 'sync-indicator'
        }
        aria-label={`Team sync: ${text}`}
        onClick={() => setOpen(true)}
      >
        {text}
      </button>
      {open ? <SyncPanel onClose={() => setOpen(false)} /> : null}
    </>
  );
}
