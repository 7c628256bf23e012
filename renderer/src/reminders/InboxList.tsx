import type { InboxItem } from '@shared/reminders/inbox';
import { AlertBadge } from './AlertBadge';
import { useRemindersStore } from './reminders-store';
import { stateText } from './format';

// The inbox: overdue and due first (the backend orders them), each with its actions. Every
// button's accessible name includes the reminder, so a screen reader user tabbing through
// hears which one it acts on.

function InboxEntry({ item }: { item: InboxItem }) {
  const { markDone, snooze, dismiss } = useRemindersStore();
  return (
    <li className={`reminder reminder-${item.state}`} aria-label={item.title}>
      <div className="reminder-text">
        {item.alert ? (
          <span>
            <AlertBadge alert={item.alert} /> <strong>{item.title}</strong>
          </span>
        ) : (
          <strong>{item.title}</strong>
        )}
        <span>{item.detail}</span>
        <span className="reminder-meta">
          {stateText(item)} · {item.workspaceName}
        </span>
      </div>
      <div className="reminder-actions" role="group" aria-label={`Actions for ${item.title}`}>
        <button
          type="button"
          aria-label={`Mark done: ${item.title}`}
          onClick={() => void markDone(item.key)}
        >
          Done
        </button>
        <button
          type="button"
          aria-label={`Snooze 1 hour: ${item.title}`}
          onClick={() => void snooze(item.key, 'hour')}
        >
          1 hour
        </button>
        <button
          type="button"
          aria-label={`Snooze until tomorrow: ${item.title}`}
          onClick={() => void snooze(item.key, 'tomorrow')}
        >
          Tomorrow
        </button>
        <button
          type="button"
          aria-label={`Snooze until next week: ${item.title}`}
          onClick={() => void snooze(item.key, 'next_week')}
        >
          Next week
        </button>
        <button
          type="button"
          aria-label={`Dismiss: ${item.title}`}
          onClick={() => void dismiss(item.key)}
        >
          Dismiss
        </button>
      </div>
    </li>
  );
}

export function InboxList({ items }: { items: readonly InboxItem[] }) {
  if (items.length === 0)
    return (
      <p className="empty">
        Nothing is due and nothing went off track. Values that are entered clear their reminders on
        their own.
      </p>
    );
  return (
    <ul className="reminder-list" aria-label="Reminders inbox">
      {items.map((item) => (
        <InboxEntry key={item.key} item={item} />
      ))}
    </ul>
  );
}
