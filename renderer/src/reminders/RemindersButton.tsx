import { useEffect, useState } from 'react';
import { afterNextPaint } from '../app/after-paint';
import { formatNumber } from '../app/locale';
import { useScorecardStore } from '../scorecard/scorecard-store';
import { attentionCount } from './format';
import { RemindersDialog } from './RemindersDialog';
import { useRemindersStore } from './reminders-store';

// The top-bar entry to the inbox, with how many reminders need attention now. The count follows
// every change of values and KPIs through the store (the backend's `changed` event); the timer
// only catches reminders that fall due as time passes.

const REFRESH_MS = 5 * 60_000;

export function RemindersButton({ workspacePath }: { workspacePath: string }) {
  const { inbox, load } = useRemindersStore();
  const [open, setOpen] = useState(false);
  // The scorecard comes first, painted (app/after-paint.ts): the backend answers one call at a
  // time, and the inbox reads every recent workspace (issue 19: the first screen of a large
  // workspace in under 1 s).
  const scorecardShown = useScorecardStore((state) => state.loaded);

  useEffect(() => {
    if (!scorecardShown) return;
    const stop = afterNextPaint(() => void load());
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      stop();
      clearInterval(timer);
    };
  }, [load, workspacePath, scorecardShown]);

  // The open workspace's own reminders: a new, empty workspace shows 0, not the other
  // workspaces' (the dialog lists those separately).
  const mine = inbox?.byWorkspace[workspacePath];
  const count = mine ? attentionCount(mine) : 0;
  return (
    <>
      {/* The name holds the visible words in the order seen ("Reminders, 35 due"), so speech
          users can say what they see. */}
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-label={`Reminders, ${formatNumber(count)} due`}
      >
        Reminders {count > 0 ? <span className="badge">{formatNumber(count)}</span> : null}
      </button>
      {open ? (
        <RemindersDialog workspacePath={workspacePath} onClose={() => setOpen(false)} />
      ) : null}
    </>
  );
}
