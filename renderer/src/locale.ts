/** The user's locale for numbers and dates (the browser's or the OS's language). */
export const LOCALE: string = typeof navigator !== 'undefined' ? navigator.language : 'en-US';

/** Day-first dates unless the locale writes the month first (the US and a few others). */
export const DAY_FIRST: boolean = !/^en-(US|PH)$|^(en|es)-US$/.test(LOCALE);

const NUMBER = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 6 });

/** A count or a raw value in the user's locale (KPI values with units use formatValue). */
export function formatNumber(value: number): string {
  return NUMBER.format(value);
}
