import { createHash } from 'node:crypto';
import ical, { ICalAlarmType, ICalCalendarMethod } from 'ical-generator';
import type { Reminder } from '@shared/reminders/types';

// The calendar export (RFC 5545), made by ical-generator rather than by hand: folding, escaping
// and line endings are where hand-made .ics files break in real calendar programs.
// Times are written in UTC, which every calendar accepts without a VTIMEZONE block and shows
// in the reader's own zone. A reminder's UID is derived from its key, so importing the file
// again updates the same events instead of duplicating them.

const EVENT_MINUTES = 15;

export function reminderUid(key: string): string {
  return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}@kpi-scorecard`;
}

export function remindersToIcs(
  reminders: readonly Reminder[],
  options: { calendarName: string; now: Date },
): string {
  const calendar = ical({
    name: options.calendarName,
    prodId: { company: 'KPI Scorecard', product: 'KPI Scorecard', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const reminder of reminders) {
    const start = new Date(reminder.dueAt);
    const event = calendar.createEvent({
      id: reminderUid(reminder.key),
      start,
      end: new Date(start.getTime() + EVENT_MINUTES * 60_000),
      stamp: options.now,
      summary: reminder.title,
      description: `${reminder.detail}\nWorkspace: ${reminder.workspaceName}`,
      categories: [{ name: reminder.kind === 'review' ? 'Review' : 'KPI value due' }],
    });
    event.createAlarm({ type: ICalAlarmType.display, trigger: 0, description: reminder.title });
  }
  return calendar.toString();
}
