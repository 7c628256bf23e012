import type { InboxItem } from '@shared/reminders/inbox';

// How an inbox item's time and state read: "Overdue · due Tue 3 Nov, 09:00".

const WHEN = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

export function formatWhen(iso: string): string {
  return WHEN.format(new Date(iso));
}

export function stateText(item: InboxItem): string {
  // An alert is news from the moment its value was entered; "overdue" would not fit it.
  if (item.alert && item.state !== 'snoozed')
    return `${item.alert.reason === 'forecast' ? 'Forecast' : 'Alert'} since ${formatWhen(item.dueAt)}`;
  switch (item.state) {
    case 'overdue':
      return `Overdue · was due ${formatWhen(item.dueAt)}`;
    case 'due':
      return `Due ${formatWhen(item.dueAt)}`;
    case 'snoozed':
      return `Snoozed until ${formatWhen(item.snoozedUntil ?? item.dueAt)}`;
    case 'upcoming':
      return `Coming ${formatWhen(item.dueAt)}`;
  }
}

/** How many need attention now (the count on the top-bar button). */
export function attentionCount(items: readonly InboxItem[]): number {
  return items.filter((item) => item.state === 'overdue' || item.state === 'due').length;
}
