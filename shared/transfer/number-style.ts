import { parseLocaleNumber } from '../parse/number';
import type { SourceRow } from './table';

// How a file writes its numbers, from the text of its cells. A wrong guess corrupts silently
// ("1.968" members read as 1.968), so only what decides counts: a number that can be read one
// way only ("12,5", "1.234,5", "1'234.50", "1,234,567"), and, as weaker evidence, dates
// written dd.mm.yyyy, which come with comma decimals in German-speaking exports. Dates never
// vote as numbers ("31.03" is not 31.03). When nothing decides and some number reads two ways
// ("1.968"), the guess says so and the wizard asks, showing that number read both ways.

export interface NumberStyleGuess {
  /** A locale whose separators read the file: en-US, de-DE or de-CH. */
  locale: string;
  /** False when some number of the file reads two ways and nothing in the file settles it. */
  decided: boolean;
  /** A number of the file that reads two ways ("1.968"), for the wizard to show. */
  example: string | null;
  /** What decided, in words, for the wizard ("numbers like "12,5""). */
  evidence: string | null;
}

// A date or a month, dotted, slashed or dashed: never evidence about decimals as a number.
const DATE = /^\d{1,4}[./-]\d{1,2}(?:[./-]\d{2,4})?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/u;
const DOTTED_DATE = /^\d{1,2}\.\d{1,2}\.\d{2,4}$/u;
const COMMA_DECIMAL = /\d,\d{1,2}(?!\d)|\d\.\d{3},|\d\.\d{3}\.\d{3}(?!\d)|(?<!\d)0,\d/u;
const POINT_DECIMAL = /\d\.\d{1,2}(?!\d)|\d,\d{3}\.|\d,\d{3},\d{3}(?!\d)|\d\.\d{4,}|(?<!\d)0\.\d/u;
const APOSTROPHE_GROUP = /\d['\u2019]\d{3}/u;
const COMMA_LONG_FRACTION = /\d,\d{4,}/u;
// One separator followed by exactly three digits: 1.968 or 1,968 — a thousand or a fraction.
const AMBIGUOUS = /^[^\d]*-?(?!0[.,])\d{1,3}[.,]\d{3}(?:\s*%)?[^\d]*$/u;

export function guessNumberStyle(rows: readonly SourceRow[], userLocale: string): NumberStyleGuess {
  let comma = 0;
  let point = 0;
  let apostrophe = 0;
  let dottedDates = 0;
  let commaExample: string | null = null;
  let pointExample: string | null = null;
  let ambiguous: string | null = null;
  for (const row of rows) {
    for (const cell of row.cells) {
      if (typeof cell !== 'string') continue;
      const text = cell.trim();
      if (text === '' || !/\d/u.test(text)) continue;
      if (DATE.test(text)) {
        if (DOTTED_DATE.test(text)) dottedDates += 1;
        continue;
      }
      if (APOSTROPHE_GROUP.test(text)) {
        apostrophe += 1;
        pointExample ??= text;
      } else if (COMMA_DECIMAL.test(text) || COMMA_LONG_FRACTION.test(text)) {
        comma += 1;
        commaExample ??= text;
      } else if (POINT_DECIMAL.test(text)) {
        point += 1;
        pointExample ??= text;
      } else if (AMBIGUOUS.test(text)) {
        ambiguous ??= text;
      }
    }
  }
  const pointSide = point + apostrophe;
  if (comma > pointSide)
    return {
      locale: 'de-DE',
      decided: true,
      example: ambiguous,
      evidence: `numbers like "${commaExample ?? ''}"`,
    };
  if (pointSide > comma)
    return {
      locale: apostrophe > 0 ? 'de-CH' : 'en-US',
      decided: true,
      example: ambiguous,
      evidence: `numbers like "${pointExample ?? ''}"`,
    };
  if (comma === 0 && dottedDates > 0)
    return {
      locale: 'de-DE',
      decided: true,
      example: ambiguous,
      evidence: 'dates written day.month.year',
    };
  // Nothing decides. Only a number that reads two ways makes it matter.
  const fallback = /^(de|fr|es|it|nl|pt|da|sv|nb|fi|pl|cs|ru|tr)\b/u.test(userLocale)
    ? 'de-DE'
    : 'en-US';
  return {
    locale: fallback,
    decided: ambiguous === null,
    example: ambiguous,
    evidence: null,
  };
}

/**
 * A number of the file that reads two ways, read both ways: `"1.968"` as 1968 (the mark
 * groups thousands) with the style that reads it so, and as 1.968 (the mark is decimal).
 */
export function bothReadings(example: string): {
  grouped: { locale: string; value: number };
  decimal: { locale: string; value: number };
} {
  const comma = example.includes(',');
  const read = (locale: string) => {
    const parsed = parseLocaleNumber(example, locale);
    return { locale, value: parsed.ok ? parsed.value : Number.NaN };
  };
  return comma
    ? { grouped: read('en-US'), decimal: read('de-DE') }
    : { grouped: read('de-DE'), decimal: read('en-US') };
}
