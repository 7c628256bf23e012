import { INBOX_LIMIT, INBOX_PAGE } from '@shared/reminders/inbox-size';
import type { InboxCounts, InboxItem } from '@shared/reminders/inbox';
import { formatNumber, LOCALE } from '../app/locale';

// How an inbox item's time and state read: "Overdue · due Tue 3 Nov, 09:00".

export function formatWhen(iso: string): string {
  return new Date(iso).toLocaleString(LOCALE, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
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
export function attentionCount(counts: InboxCounts): number {
  return counts.overdue + counts.due;
}

/** How many reminders are open, whether the inbox lists them yet or not. */
export function openCount(counts: InboxCounts): number {
  return counts.overdue + counts.due + counts.snoozed + counts.upcoming;
}

/** How many more one "Show more" adds: a page, or what is left, within what one listing sends. */
export function moreToShow(shown: number, counts: InboxCounts): number {
  return Math.max(0, Math.min(INBOX_PAGE, openCount(counts) - shown, INBOX_LIMIT - shown));
}

/** "Showing 200 of 1,240 open reminders: 1,100 overdue, 40 due, 100 coming." */
export function inboxSummary(shown: number, counts: InboxCounts): string {
  const parts = (
    [
      ['overdue', counts.overdue],
      ['due', counts.due],
      ['snoozed', counts.snoozed],
      ['coming', counts.upcoming],
    ] as const
  )
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${formatNumber(n)} ${label}`);
  return `Showing ${formatNumber(shown)} of ${formatNumber(openCount(counts))} open reminders: ${parts.join(', ')}.`;
}
