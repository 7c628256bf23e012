import { dateTimeFormat } from '@shared/domain/format';

// The locale for numbers and dates: the one chosen in Settings, else the browser's (the OS's)
// language. Exported as live bindings: after setLocale() every reader sees the new value on
// its next render (App re-renders the whole tree when the setting changes).

const SYSTEM: string = typeof navigator !== 'undefined' ? navigator.language : 'en-US';

function dayFirst(locale: string): boolean {
  return !/^en-(US|PH)$|^(en|es)-US$/.test(locale);
}

/** The locale every number and date on screen is written in. */
export let LOCALE: string = SYSTEM;

/** Day-first dates unless the locale writes the month first (the US and a few others). */
export let DAY_FIRST: boolean = dayFirst(LOCALE);

let NUMBER = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 6 });
/** The months' names in the current locale, written once per locale. */
let months = monthNamesIn(LOCALE);

// Dates go through the kept formatters (shared/domain/format.ts): toLocaleString with options
// builds a new formatter on every call (the period picker's twelve month names took 3–4 ms of
// each of its renders).
function monthNamesIn(locale: string): readonly string[] {
  const format = dateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => format.format(Date.UTC(2026, i, 1)));
}

/** Follows Settings; null goes back to the system's language. */
export function setLocale(locale: string | null): void {
  LOCALE = locale ?? SYSTEM;
  DAY_FIRST = dayFirst(LOCALE);
  NUMBER = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 6 });
  months = monthNamesIn(LOCALE);
}

/** The system's language, for the Settings screen's "System" choice. */
export const SYSTEM_LOCALE = SYSTEM;

/** A count or a raw value in the user's locale (KPI values with units use formatValue). */
export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

/** A moment (an ISO timestamp) as a date and time in the user's locale. */
export function formatDateTime(iso: string): string {
  return formatIn(dateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' }), iso);
}

/** A day (an ISO date or timestamp) in the user's locale. */
export function formatDate(iso: string): string {
  return formatIn(dateTimeFormat(LOCALE, { dateStyle: 'medium' }), iso);
}

/** A formatter throws on a date it cannot read, where toLocaleString wrote "Invalid Date". */
function formatIn(format: Intl.DateTimeFormat, iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(date) : format.format(date);
}

/** The months' names in the user's locale, January first. */
export function monthNames(): readonly string[] {
  return months;
}
