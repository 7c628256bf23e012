import type { Frequency } from '../domain/kpi';
import { parsePeriod, periodKeyOfDay, shiftPeriod } from '../domain/period';
import { bucketOf, monthsOfBucket, type ViewSpec } from './calendar';

// Walking view periods (buckets): the KPI periods inside one, the one before it, the last N.

/** The periods of `frequency` counted in `bucket`, oldest first. */
export function periodsOfBucket(frequency: Frequency, bucket: string, view: ViewSpec): string[] {
  const months = monthsOfBucket(bucket, view);
  if (months.length === 0) return [];
  const first = months[0] as string;
  const last = months[months.length - 1] as string;
  const keys: string[] = [];
  switch (frequency) {
    case 'monthly':
      return months;
    case 'quarterly':
    case 'yearly': {
      for (const month of months) {
        const key = periodKeyOfDay(frequency, `${month}-01`);
        if (!keys.includes(key) && bucketOf(frequency, key, view) === bucket) keys.push(key);
      }
      return keys;
    }
    case 'weekly':
    case 'daily': {
      const endDay = parsePeriod('monthly', last)?.end;
      if (!endDay) return [];
      // Weeks belong to the month of their Thursday, so start a week early and filter.
      let key = periodKeyOfDay(frequency, `${first}-01`);
      if (frequency === 'weekly') key = shiftPeriod('weekly', key, -1);
      for (;;) {
        const period = parsePeriod(frequency, key);
        if (!period || period.start > endDay) break;
        if (bucketOf(frequency, key, view) === bucket) keys.push(key);
        key = shiftPeriod(frequency, key, 1);
      }
      return keys;
    }
  }
}

/** The bucket `steps` view periods after `bucket` (negative: before). */
export function shiftBucket(bucket: string, steps: number, view: ViewSpec): string {
  const months = monthsOfBucket(bucket, view);
  const first = months[0];
  if (first === undefined) throw new RangeError(`"${bucket}" is not a view period`);
  const monthsPerBucket = view.frequency === 'month' ? 1 : view.frequency === 'quarter' ? 3 : 12;
  const shifted = shiftPeriod('monthly', first, steps * monthsPerBucket);
  return bucketOf('monthly', shifted, view) as string;
}

/** `count` buckets ending with `last`, oldest first. */
export function bucketsEndingAt(last: string, count: number, view: ViewSpec): string[] {
  const buckets: string[] = [];
  for (let i = count - 1; i >= 0; i -= 1) buckets.push(shiftBucket(last, -i, view));
  return buckets;
}

/** The bucket containing a calendar day, e.g. today's quarter. */
export function bucketOfDay(isoDay: string, view: ViewSpec): string {
  return bucketOf('daily', isoDay, view) as string;
}

/** A period's position on its frequency's axis, so that gaps between periods keep their width. */
export function periodOrdinal(frequency: Frequency, key: string): number | null {
  const period = parsePeriod(frequency, key);
  if (!period) return null;
  const year = Number(period.start.slice(0, 4));
  const month = Number(period.start.slice(5, 7));
  const day = Date.parse(`${period.start}T00:00:00Z`) / 86_400_000;
  switch (frequency) {
    case 'daily':
      return day;
    case 'weekly':
      return Math.round(day / 7);
    case 'monthly':
      return year * 12 + month - 1;
    case 'quarterly':
      return year * 4 + Math.floor((month - 1) / 3);
    case 'yearly':
      return year;
  }
}
