import { useEffect, useState } from 'react';
import { attentionCount } from './format';
import { RemindersDialog } from './RemindersDialog';
import { useRemindersStore } from './reminders-store';

// The top-bar entry to the inbox, with how many reminders need attention now.

const REFRESH_MS = 5 * 60_000;

export function RemindersButton({ workspacePath }: { workspacePath: string }) {
  const { inbox, load } = useRemindersStore();
  const [open, setOpen] = useState(false);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load, workspacePath]);

  const count = inbox ? attentionCount(inbox.items) : 0;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-label={`Reminders, ${count} due`}>
        Reminders
        {count > 0 ? (
          <span className="badge" aria-hidden="true">
            {count}
          </span>
        ) : null}
      </button>
      {open ? <RemindersDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}
