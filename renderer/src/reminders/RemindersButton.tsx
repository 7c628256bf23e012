import { useEffect, useRef, useState } from 'react';
import { useScorecardStore } from '../state/scorecard-store';
import { formatNumber } from '../locale';
import { attentionCount } from './format';
import { RemindersDialog } from './RemindersDialog';
import { useRemindersStore } from './reminders-store';

// The top-bar entry to the inbox, with how many reminders need attention now.

const REFRESH_MS = 5 * 60_000;
/** After values or KPIs change (an edit, an import), the count follows once the edits settle. */
const SETTLE_MS = 700;

export function RemindersButton({ workspacePath }: { workspacePath: string }) {
  const { inbox, load } = useRemindersStore();
  const [open, setOpen] = useState(false);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load, workspacePath]);

  // The count is listed again whenever the scorecard store evaluates the scorecard again (an
  // entered value clears its reminder, a new KPI brings its own). That follows the writes made
  // through that store and imports, not every write: edits elsewhere reach the count at the
  // next refresh. Its first evaluation is the opening of the workspace, listed above.
  const evaluated = useScorecardStore((state) => state.view);
  const previous = useRef(evaluated);
  useEffect(() => {
    const before = previous.current;
    previous.current = evaluated;
    if (!before || !evaluated) return;
    const timer = setTimeout(() => void load(), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [evaluated, load]);

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
