import { DateTime } from 'luxon';
import { addDays, localTimeMs } from './local-time';
import type { Reminder, ReviewSchedule, ScorecardForReminders } from './types';

// Review reminders: a scorecard's recurring review meeting, announced `leadDays` before it.

const CADENCE_NAMES = { monthly: 'Monthly', quarterly: 'Quarterly', custom: 'Scheduled' };

/** The first Monday of a month, as an ISO date. */
export function firstMonday(year: number, month: number): string {
  const first = DateTime.utc(year, month, 1);
  return first.plus({ days: (8 - first.weekday) % 7 }).toISODate() ?? '';
}

/** Meeting dates of a schedule whose day is between two ISO dates (inclusive). */
export function meetingDates(schedule: ReviewSchedule, fromDate: string, toDate: string): string[] {
  const dates: string[] = [];
  if (schedule.cadence === 'custom') {
    const step = Math.max(1, schedule.intervalWeeks) * 7;
    const start = DateTime.fromISO(schedule.startDate, { zone: 'utc' });
    const from = DateTime.fromISO(fromDate, { zone: 'utc' });
    const skip = Math.max(0, Math.floor(from.diff(start, 'days').days / step));
    for (let n = skip; ; n += 1) {
      const date = start.plus({ days: n * step }).toISODate() ?? '';
      if (date > toDate) break;
      if (date >= fromDate) dates.push(date);
    }
    return dates;
  }
  const monthStep = schedule.cadence === 'monthly' ? 1 : 3;
  let cursor = DateTime.fromISO(fromDate, { zone: 'utc' }).startOf('month').minus({ months: 1 });
  if (monthStep === 3) cursor = cursor.minus({ months: (cursor.month - 1) % 3 });
  for (;;) {
    const date = firstMonday(cursor.year, cursor.month);
    if (date > toDate) break;
    if (date >= fromDate) dates.push(date);
    cursor = cursor.plus({ months: monthStep });
  }
  return dates;
}

export function reviewKey(workspacePath: string, scorecardId: string, meetingDate: string): string {
  return `${workspacePath}#review:${scorecardId}:${meetingDate}`;
}

export function reviewReminders(
  schedule: ReviewSchedule,
  scorecard: ScorecardForReminders,
  where: {
    workspacePath: string;
    workspaceName: string;
    zone: string;
    locale: string | undefined;
    /** Today's local date: a meeting already held is not reminded of (unlike a missing value). */
    today: string | undefined;
  },
  fromMs: number,
  toMs: number,
): Reminder[] {
  const lead = schedule.leadDays;
  const fromDate = DateTime.fromMillis(fromMs, { zone: where.zone }).toISODate() ?? '';
  const toDate = DateTime.fromMillis(toMs, { zone: where.zone }).toISODate() ?? '';
  const reminders: Reminder[] = [];
  for (const meeting of meetingDates(
    schedule,
    addDays(fromDate, lead - 1),
    addDays(toDate, lead + 1),
  )) {
    if (where.today !== undefined && meeting < where.today) continue;
    const ms = localTimeMs(addDays(meeting, -lead), schedule.timeOfDay, where.zone);
    if (ms < fromMs || ms > toMs) continue;
    const day = DateTime.fromISO(meeting, { zone: 'utc' }).toLocaleString(
      { weekday: 'long', day: 'numeric', month: 'long' },
      where.locale === undefined ? {} : { locale: where.locale },
    );
    reminders.push({
      key: reviewKey(where.workspacePath, scorecard.id, meeting),
      kind: 'review',
      workspacePath: where.workspacePath,
      workspaceName: where.workspaceName,
      dueAt: new Date(ms).toISOString(),
      title: `${CADENCE_NAMES[schedule.cadence]} review of ${scorecard.name} on ${day}`,
      detail: schedule.prepare
        ? `Prepare: ${schedule.prepare}`
        : 'Review the scorecard and its action plans',
      kpiId: null,
      scorecardId: scorecard.id,
      period: null,
      owner: '',
    });
  }
  return reminders;
}
