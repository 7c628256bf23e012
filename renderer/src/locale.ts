/** The user's locale for numbers and dates (the browser's or the OS's language). */
export const LOCALE: string = typeof navigator !== 'undefined' ? navigator.language : 'en-US';

/** Day-first dates unless the locale writes the month first (the US and a few others). */
export const DAY_FIRST: boolean = !/^en-(US|PH)$|^(en|es)-US$/.test(LOCALE);
