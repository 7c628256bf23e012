import { DateTime } from 'luxon';
import type { TimeOfDay } from './types';

// Wall-clock times in a time zone. A reminder "at 09:00" is 09:00 on the local calendar day,
// whatever the offset that day: it is recomputed from the date and the zone, never by adding
// 24 hours to yesterday's instant, so a daylight-saving change does not move it.

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isTimeOfDay(text: string): boolean {
  return TIME.test(text);
}

export function parseTimeOfDay(text: TimeOfDay): { hour: number; minute: number } {
  const match = TIME.exec(text);
  if (!match) throw new RangeError(`"${text}" is not a time of day (HH:MM)`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

export function isValidZone(zone: string): boolean {
  return DateTime.local({ zone }).isValid;
}

/**
 * The instant of `time` on the local calendar day `isoDate` in `zone`.
 * - In the spring-forward gap (02:30 that does not exist) it is the first valid minute after
 *   the skipped hour, the way luxon and the OS move it (03:30).
 * - In the fall-back repeat hour (02:30 happens twice) it is the first 02:30, so a reminder
 *   comes when the clock first shows its time and not an hour late.
 */
export function atLocalTime(isoDate: string, time: TimeOfDay, zone: string): DateTime {
  return DateTime.fromMillis(localTimeMs(isoDate, time, zone), { zone });
}

/** `atLocalTime` as epoch milliseconds, for the schedule's inner loops. */
export function localTimeMs(isoDate: string, time: TimeOfDay, zone: string): number {
  const cacheKey = `${isoDate}T${time}@${zone}`;
  const cached = PLACED.get(cacheKey);
  if (cached !== undefined) return cached;
  // Schedules ask for the same few days again and again (every KPI of a frequency, every
  // timer); luxon's zone arithmetic is the slow part, so each answer is kept, within a bound.
  const placed = placeLocalTime(isoDate, time, zone).toMillis();
  if (PLACED.size >= MAX_PLACED) PLACED.clear();
  PLACED.set(cacheKey, placed);
  return placed;
}

const PLACED = new Map<string, number>();
const MAX_PLACED = 50_000;

function placeLocalTime(isoDate: string, time: TimeOfDay, zone: string): DateTime {
  const { hour, minute } = parseTimeOfDay(time);
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const at = DateTime.fromObject({ year, month, day, hour, minute }, { zone });
  if (!at.isValid) throw new RangeError(`Cannot place ${isoDate} ${time} in time zone "${zone}"`);
  const hourEarlier = at.minus({ hours: 1 });
  if (hourEarlier.hour === at.hour && hourEarlier.minute === at.minute) return hourEarlier;
  return at;
}

/** The local calendar date (YYYY-MM-DD) of an instant in `zone`. */
export function localDate(instant: DateTime, zone: string): string {
  return instant.setZone(zone).toISODate() ?? '';
}

/** Calendar arithmetic on ISO dates (no time zone involved). */
export function addDays(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export function minutesOfDay(instant: DateTime, zone: string): number {
  const local = instant.setZone(zone);
  return local.hour * 60 + local.minute;
}
