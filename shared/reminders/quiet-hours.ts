import { DateTime } from 'luxon';
import { atLocalTime, minutesOfDay, parseTimeOfDay } from './local-time';
import type { ReminderPreferences } from './types';

// Quiet hours: a local time range (it may span midnight, 22:00–07:00) in which nothing is
// notified. What falls due inside them is notified when they end.

type Quiet = ReminderPreferences['quietHours'];

function bounds(quiet: Quiet): { start: number; end: number } {
  const s = parseTimeOfDay(quiet.start);
  const e = parseTimeOfDay(quiet.end);
  return { start: s.hour * 60 + s.minute, end: e.hour * 60 + e.minute };
}

export function inQuietHours(nowMs: number, zone: string, quiet: Quiet): boolean {
  if (!quiet.enabled) return false;
  const { start, end } = bounds(quiet);
  if (start === end) return false;
  const minute = minutesOfDay(DateTime.fromMillis(nowMs), zone);
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** When the quiet hours that contain `nowMs` end (call only inside them). */
export function quietHoursEnd(nowMs: number, zone: string, quiet: Quiet): number {
  const today = DateTime.fromMillis(nowMs, { zone }).toISODate() ?? '';
  const endToday = atLocalTime(today, quiet.end, zone).toMillis();
  if (endToday > nowMs) return endToday;
  const tomorrow = DateTime.fromMillis(nowMs, { zone }).plus({ days: 1 }).toISODate() ?? '';
  return atLocalTime(tomorrow, quiet.end, zone).toMillis();
}
