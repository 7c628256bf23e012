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

/** Follows Settings; null goes back to the system's language. */
export function setLocale(locale: string | null): void {
  LOCALE = locale ?? SYSTEM;
  DAY_FIRST = dayFirst(LOCALE);
  NUMBER = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 6 });
}

/** The system's language, for the Settings screen's "System" choice. */
export const SYSTEM_LOCALE = SYSTEM;

/** A count or a raw value in the user's locale (KPI values with units use formatValue). */
export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

/** A moment (an ISO timestamp) as a date and time in the user's locale. */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(LOCALE, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A day (an ISO date or timestamp) in the user's locale. */
export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString(LOCALE, { dateStyle: 'medium' });
}

/** The months' names in the user's locale, January first. */
export function monthNames(): string[] {
  return Array.from({ length: 12 }, (_, i) =>
    new Date(Date.UTC(2026, i, 1)).toLocaleString(LOCALE, { month: 'long', timeZone: 'UTC' }),
  );
}
