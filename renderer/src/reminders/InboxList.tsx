import type { InboxItem } from '@shared/reminders/inbox';
import { AlertBadge } from './AlertBadge';
import { useRemindersStore } from './reminders-store';
import { stateText } from './format';

// The inbox: the open workspace's reminders first, grouped per KPI (a group keeps the order of
// its oldest reminder, so overdue still come first), then other workspaces' under their own
// heading. Each reminder of the open workspace can take the user to its cell ("Enter value")
// or its KPI; each group can be marked done or snoozed at once. Every button's accessible name
// includes the reminder, so a screen reader user tabbing through hears which one it acts on.

export interface ReminderGo {
  enterValue(item: InboxItem): void;
  openKpi(item: InboxItem): void;
}

function kpiName(item: InboxItem): string {
  // The title names the KPI in each kind's own words; the group needs the name alone.
  const due = /^The .+ value of (.+) is due$/.exec(item.title);
  if (due?.[1]) return due[1];
  const alert = /^(.+?) (went off track|is at risk|is projected to miss) /.exec(item.title);
  return alert?.[1] ?? item.title;
}

function InboxEntry({ item, go }: { item: InboxItem; go: ReminderGo | null }) {
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
        {go && item.kind === 'data_due' && item.kpiId && item.period ? (
          <button
            type="button"
            className="primary"
            aria-label={`Enter value: ${item.title}`}
            onClick={() => go.enterValue(item)}
          >
            Enter value
          </button>
        ) : null}
        {go && item.kpiId ? (
          <button
            type="button"
            aria-label={`Open KPI: ${item.title}`}
            onClick={() => go.openKpi(item)}
          >
            Open KPI
          </button>
        ) : null}
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

interface Group {
  id: string;
  name: string;
  items: InboxItem[];
}

function groups(items: readonly InboxItem[]): Group[] {
  const byId = new Map<string, Group>();
  for (const item of items) {
    const id = item.kpiId ?? `${item.kind}:${item.scorecardId ?? item.key}`;
    const group = byId.get(id);
    if (group) group.items.push(item);
    else byId.set(id, { id, name: item.kpiId ? kpiName(item) : item.title, items: [item] });
  }
  return [...byId.values()];
}

function GroupList({ items, go }: { items: readonly InboxItem[]; go: ReminderGo | null }) {
  const bulk = useRemindersStore((state) => state.bulk);
  return (
    <>
      {groups(items).map((group) => (
        <li key={group.id} className="reminder-group">
          {group.items.length > 1 ? (
            <div className="reminder-group-head">
              <h4>
                {group.name} <span className="muted">({group.items.length})</span>
              </h4>
              <button
                type="button"
                aria-label={`All done: ${group.name} (${String(group.items.length)})`}
                onClick={() =>
                  void bulk(
                    group.items.map((item) => item.key),
                    'done',
                  )
                }
              >
                All done
              </button>
              <button
                type="button"
                aria-label={`Snooze all until tomorrow: ${group.name} (${String(group.items.length)})`}
                onClick={() =>
                  void bulk(
                    group.items.map((item) => item.key),
                    'tomorrow',
                  )
                }
              >
                Snooze all until tomorrow
              </button>
            </div>
          ) : null}
          <ul className="reminder-list">
            {group.items.map((item) => (
              <InboxEntry key={item.key} item={item} go={go} />
            ))}
          </ul>
        </li>
      ))}
    </>
  );
}

interface InboxListProps {
  items: readonly InboxItem[];
  /** The open workspace, whose reminders come first and can lead into it. */
  workspacePath: string | null;
  go: ReminderGo;
}

export function InboxList({ items, workspacePath, go }: InboxListProps) {
  if (items.length === 0)
    return (
      <p className="empty">
        Nothing is due and nothing went off track. Values that are entered clear their reminders on
        their own.
      </p>
    );
  const here = items.filter((item) => item.workspacePath === workspacePath);
  const elsewhere = items.filter((item) => item.workspacePath !== workspacePath);
  return (
    <>
      {here.length > 0 || workspacePath === null ? (
        <ul className="reminder-groups" aria-label="Reminders inbox">
          <GroupList
            items={workspacePath === null ? items : here}
            go={workspacePath === null ? null : go}
          />
        </ul>
      ) : (
        <p className="empty">Nothing is due in this workspace.</p>
      )}
      {workspacePath !== null && elsewhere.length > 0 ? (
        <section aria-labelledby="reminders-elsewhere">
          <h3 id="reminders-elsewhere">Other workspaces</h3>
          <ul className="reminder-groups" aria-label="Reminders of other workspaces">
            <GroupList items={elsewhere} go={null} />
          </ul>
        </section>
      ) : null}
    </>
  );
}
