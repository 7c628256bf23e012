// Numbers as people type and paste them: `1,234.5`, `1.234,5`, `1 234,5`, `1'234.5`, `12 %`,
// `€1,200`, `-1.200 €`, `(1,200)` for a negative, `−5` with a typographic minus. Separators
// are read from the text where it is unambiguous and from the locale where it is not
// ("1,234" is 1234 in en-US and 1.234 in de-DE).

export type NumberParse =
  { ok: true; value: number; percent: boolean } | { ok: false; reason: string };

const CURRENCY = /^(?:[A-Z]{3}|[$€£¥₹₽₩₺₪₫฿₴₦₱]|CHF|kr|zł|R\$)/u;
const CURRENCY_END = /(?:[A-Z]{3}|[$€£¥₹₽₩₺₪₫฿₴₦₱]|CHF|kr|zł)$/u;
const GROUPING_SPACES = /[\s\u00a0\u202f\u2009'\u2019]/gu;

const decimalCache = new Map<string, string>();

/** The decimal separator of a locale: "." or ",". */
export function decimalSeparatorOf(locale: string | undefined): '.' | ',' {
  const key = locale ?? '';
  let separator = decimalCache.get(key);
  if (separator === undefined) {
    separator =
      new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')
        ?.value ?? '.';
    decimalCache.set(key, separator);
  }
  return separator === ',' ? ',' : '.';
}

const fail = (reason: string): NumberParse => ({ ok: false, reason });

/**
 * The value of a plain number — `-?` then 1 to 15 digits, optionally a point and 1 to 15 more,
 * nothing around it — or NaN for any other text. "1.234" is NaN where the locale writes
 * decimals with a comma (there it means 1234, which parseLocaleNumber works out). Most cells
 * of a large file are plain numbers; this reads them with no allocation, no regular
 * expression and no trimming.
 */
export function plainNumber(text: string, locale?: string): number {
  const length = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0; // '-'
  const wholeStart = i;
  while (i < length && isDigit(text.charCodeAt(i))) i += 1;
  const wholeDigits = i - wholeStart;
  if (wholeDigits === 0 || wholeDigits > 15) return NaN;
  if (i === length) return Number(text);
  if (text.charCodeAt(i) !== 46) return NaN; // '.'
  i += 1;
  const fractionStart = i;
  while (i < length && isDigit(text.charCodeAt(i))) i += 1;
  const fractionDigits = i - fractionStart;
  if (i !== length || fractionDigits === 0 || fractionDigits > 15) return NaN;
  // One to three digits, a point and three more: a thousands group where decimals are commas.
  if (wholeDigits <= 3 && fractionDigits === 3 && decimalSeparatorOf(locale) !== '.') return NaN;
  return Number(text);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function parseLocaleNumber(text: string, locale?: string): NumberParse {
  let s = text.trim();
  // Most cells of a large file are plain numbers; they need none of the work below. "1.234"
  // is left to it where the locale writes decimals with a comma (there it means 1234).
  const plain = plainNumber(s, locale);
  if (!Number.isNaN(plain)) return { ok: true, value: plain, percent: false };
  if (s === '') return fail('it is empty');
  if (s.length > 64) return fail('it is too long to be a number');

  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  s = s.replace(/[\u2212\u2012\u2013]/gu, '-'); // typographic minus and dashes
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  const strip = (): void => {
    if (s.startsWith('-') || s.startsWith('+')) {
      if (s.startsWith('-')) negative = !negative;
      s = s.slice(1).trim();
    }
  };
  strip();
  s = s.replace(CURRENCY, '').trim();
  s = s.replace(CURRENCY_END, '').trim();
  strip();
  if (s.endsWith('-')) {
    negative = !negative; // "1.200-" as some accounting exports write it
    s = s.slice(0, -1).trim();
  }
  s = s.replace(GROUPING_SPACES, '');
  if (s === '') return fail('it has no digits');
  if (!/^[0-9.,]+(?:[eE][+-]?\d+)?$/u.test(s)) {
    return fail(`"${text.trim()}" is not a number`);
  }
  if (/[eE]/u.test(s) && /,/u.test(s)) return fail(`"${text.trim()}" is not a number`);

  const mantissa = s.replace(/[eE][+-]?\d+$/u, '');
  const exponent = s.slice(mantissa.length);
  const decimal = decimalFor(mantissa, locale);
  if (decimal === null)
    return fail(`"${text.trim()}" mixes separators in a way that is not a number`);
  const group = decimal === '.' ? ',' : '.';
  const parts = mantissa.split(decimal);
  if (parts.length > 2) return fail(`"${text.trim()}" has more than one decimal separator`);
  const [whole = '', fraction = ''] = parts;
  // Groups of three, or the Indian lakh/crore grouping (1,00,00,000).
  if (
    whole.includes(group) &&
    !/^(?:\d{1,3}(?:[.,]\d{3})+|\d{1,2}(?:[.,]\d{2})*[.,]\d{3})$/u.test(whole)
  ) {
    return fail(`"${text.trim()}" has digit groups that are not of three`);
  }
  const digits = whole.split(group).join('');
  if (digits === '' && fraction === '') return fail('it has no digits');
  const value = Number(`${digits || '0'}.${fraction || '0'}${exponent}`);
  if (!Number.isFinite(value)) return fail(`"${text.trim()}" is too large`);
  return { ok: true, value: negative ? -value : value, percent };
}

/**
 * Which separator is the decimal one, or null when the text cannot be a number. With both
 * present the last one is decimal; with one kind appearing twice it is grouping; a single
 * separator followed by exactly three digits is ambiguous and the locale decides.
 */
function decimalFor(mantissa: string, locale: string | undefined): '.' | ',' | null {
  const dots = mantissa.split('.').length - 1;
  const commas = mantissa.split(',').length - 1;
  if (dots > 0 && commas > 0) {
    const decimal = mantissa.lastIndexOf('.') > mantissa.lastIndexOf(',') ? '.' : ',';
    const count = decimal === '.' ? dots : commas;
    return count === 1 ? decimal : null;
  }
  if (dots === 0 && commas === 0) return decimalSeparatorOf(locale);
  const separator = dots > 0 ? '.' : ',';
  if (dots + commas > 1) return separator === '.' ? ',' : '.';
  const after = mantissa.length - mantissa.indexOf(separator) - 1;
  const before = mantissa.indexOf(separator);
  if (after === 3 && before > 0 && before <= 3) return decimalSeparatorOf(locale);
  return separator;
}
