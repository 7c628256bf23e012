import type { Frequency } from './kpi';

// Canonical period keys, as stored in the workspace file:
//   daily 2026-03-31 · weekly 2026-W13 (ISO week) · monthly 2026-03 · quarterly 2026-Q1 · yearly 2026
// Keys of one frequency sort chronologically as plain strings.

export interface Period {
  frequency: Frequency;
  key: string;
  /** First day, as an ISO date (UTC calendar day). */
  start: string;
  /** Last day, as an ISO date (UTC calendar day). */
  end: string;
}

const PATTERNS: Record<Frequency, RegExp> = {
  daily: /^(\d{4})-(\d{2})-(\d{2})$/,
  weekly: /^(\d{4})-W(\d{2})$/,
  monthly: /^(\d{4})-(\d{2})$/,
  quarterly: /^(\d{4})-Q([1-4])$/,
  yearly: /^(\d{4})$/,
};

const DAY_MS = 86_400_000;

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function utc(year: number, monthIndex: number, day: number): number {
  return Date.UTC(year, monthIndex, day);
}

/** Monday of ISO week 1 of `isoYear`. */
function isoWeekOneMonday(isoYear: number): number {
  const jan4 = utc(isoYear, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - weekday * DAY_MS;
}

function isoWeeksInYear(isoYear: number): number {
  return (isoWeekOneMonday(isoYear + 1) - isoWeekOneMonday(isoYear)) / (7 * DAY_MS);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Parses a key of the given frequency; null if it is not a valid key of that frequency. */
export function parsePeriod(frequency: Frequency, key: string): Period | null {
  const match = PATTERNS[frequency].exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1900 || year > 2999) return null;
  const a = Number(match[2]);
  switch (frequency) {
    case 'daily': {
      const day = Number(match[3]);
      const ms = utc(year, a - 1, day);
      if (isoDate(ms) !== key) return null;
      return { frequency, key, start: key, end: key };
    }
    case 'weekly': {
      if (a < 1 || a > isoWeeksInYear(year)) return null;
      const monday = isoWeekOneMonday(year) + (a - 1) * 7 * DAY_MS;
      return { frequency, key, start: isoDate(monday), end: isoDate(monday + 6 * DAY_MS) };
    }
    case 'monthly': {
      if (a < 1 || a > 12) return null;
      // Built as text: this runs for every stored value when a scorecard is evaluated.
      return {
        frequency,
        key,
        start: `${key}-01`,
        end: `${key}-${pad(daysInMonth(year, a))}`,
      };
    }
    case 'quarterly':
      return {
        frequency,
        key,
        start: `${year}-${pad((a - 1) * 3 + 1)}-01`,
        end: `${year}-${pad(a * 3)}-${pad(daysInMonth(year, a * 3))}`,
      };
    case 'yearly':
      return { frequency, key, start: `${year}-01-01`, end: `${year}-12-31` };
  }
}

export function isPeriodKey(frequency: Frequency, key: string): boolean {
  return parsePeriod(frequency, key) !== null;
}

/** The key of the period of `frequency` that contains the calendar day `isoDay` (YYYY-MM-DD). */
export function periodKeyOfDay(frequency: Frequency, isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  switch (frequency) {
    case 'daily':
      return isoDay;
    case 'weekly': {
      const ms = utc(y, m - 1, d);
      const weekday = (new Date(ms).getUTCDay() + 6) % 7;
      const thursday = ms + (3 - weekday) * DAY_MS;
      const isoYear = new Date(thursday).getUTCFullYear();
      const week = Math.floor((thursday - isoWeekOneMonday(isoYear)) / (7 * DAY_MS)) + 1;
      return `${isoYear}-W${pad(week)}`;
    }
    case 'monthly':
      return `${y}-${pad(m)}`;
    case 'quarterly':
      return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
    case 'yearly':
      return String(y);
  }
}

/** The period `steps` periods after `key` (negative steps go back). */
export function shiftPeriod(frequency: Frequency, key: string, steps: number): string {
  const period = parsePeriod(frequency, key);
  if (!period) throw new RangeError(`"${key}" is not a ${frequency} period`);
  const [y, m, d] = period.start.split('-').map(Number) as [number, number, number];
  switch (frequency) {
    case 'daily':
      return isoDate(utc(y, m - 1, d) + steps * DAY_MS);
    case 'weekly':
      return periodKeyOfDay('weekly', isoDate(utc(y, m - 1, d) + steps * 7 * DAY_MS));
    case 'monthly':
      return periodKeyOfDay('monthly', isoDate(utc(y, m - 1 + steps, 1)));
    case 'quarterly':
      return periodKeyOfDay('quarterly', isoDate(utc(y, m - 1 + steps * 3, 1)));
    case 'yearly':
      return String(y + steps);
  }
}

/** `count` consecutive period keys ending with `lastKey`, oldest first. */
export function periodsEndingAt(frequency: Frequency, lastKey: string, count: number): string[] {
  const keys: string[] = [];
  for (let i = count - 1; i >= 0; i -= 1) keys.push(shiftPeriod(frequency, lastKey, -i));
  return keys;
}

const MONTH_FORMAT_CACHE = new Map<string, Intl.DateTimeFormat>();

/** A short label for a period in the user's locale: "Mar 2026", "Q1 2026", "W13 2026", "2026". */
export function periodLabel(frequency: Frequency, key: string, locale?: string): string {
  const period = parsePeriod(frequency, key);
  if (!period) return key;
  switch (frequency) {
    case 'daily':
      return new Date(`${key}T00:00:00Z`).toLocaleDateString(locale, { timeZone: 'UTC' });
    case 'weekly':
      return `W${key.slice(6)} ${key.slice(0, 4)}`;
    case 'monthly': {
      const cacheKey = locale ?? '';
      let format = MONTH_FORMAT_CACHE.get(cacheKey);
      if (!format) {
        format = new Intl.DateTimeFormat(locale, {
          month: 'short',
          year: 'numeric',
          timeZone: 'UTC',
        });
        MONTH_FORMAT_CACHE.set(cacheKey, format);
      }
      return format.format(new Date(`${key}-01T00:00:00Z`));
    }
    case 'quarterly':
      return `Q${key.slice(6)} ${key.slice(0, 4)}`;
    case 'yearly':
      return key;
  }
}
