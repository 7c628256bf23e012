import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLocaleNumber, plainNumber } from '@shared/parse/number';

const value = (text: string, locale?: string) => {
  const result = parseLocaleNumber(text, locale);
  return result.ok ? result.value : result.reason;
};

describe('numbers as people type them', () => {
  it.each([
    ['1,234.5', 'en-US', 1234.5],
    ['1.234,5', 'de-DE', 1234.5],
    ['1.234,5', 'en-US', 1234.5],
    ['1 234,5', 'fr-FR', 1234.5],
    ["1'234.5", 'de-CH', 1234.5],
    ['1,234', 'en-US', 1234],
    ['1,234', 'de-DE', 1.234],
    ['1.234', 'de-DE', 1234],
    ['1.234', 'en-US', 1.234],
    ['1.234.567', 'en-US', 1234567],
    ['1,5', 'en-US', 1.5],
    ['.5', 'en-US', 0.5],
    ['€1,200', 'en-GB', 1200],
    ['-1.200 €', 'de-DE', -1200],
    ['(1,200)', 'en-US', -1200],
    ['−5', 'en-US', -5],
    ['USD 1,200.50', 'en-US', 1200.5],
    ['1.200-', 'de-DE', -1200],
    ['1e3', 'en-US', 1000],
    ['  42  ', 'en-US', 42],
  ])('%s in %s is %d', (text, locale, expected) => {
    expect(value(text, locale)).toBe(expected);
  });

  it('reads percentages and says so', () => {
    expect(parseLocaleNumber('12 %', 'en-US')).toEqual({ ok: true, value: 12, percent: true });
    expect(parseLocaleNumber('12,5%', 'de-DE')).toEqual({ ok: true, value: 12.5, percent: true });
  });

  it.each(['', 'abc', '1.2.3,4,5', '12-3', '1,23,4', '--', '€', '1,2.3.4'])(
    'refuses %j with a reason',
    (text) => {
      const result = parseLocaleNumber(text, 'en-US');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason.length).toBeGreaterThan(5);
    },
  );

  it('reads back what Intl writes, in several locales', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom('en-US', 'de-DE', 'fr-FR', 'de-CH', 'en-IN', 'es-ES', 'nl-NL'),
        (n, decimals, locale) => {
          const text = new Intl.NumberFormat(locale, {
            minimumFractionDigits: decimals,
            maximumFractionDigits: decimals,
          }).format(n);
          const expected = Number(n.toFixed(decimals));
          const result = parseLocaleNumber(text, locale);
          expect(result.ok).toBe(true);
          if (result.ok) expect(result.value).toBeCloseTo(expected === 0 ? 0 : expected, 6);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const result = parseLocaleNumber(text, 'en-US');
        if (result.ok) expect(Number.isFinite(result.value)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('plain numbers read without the general parser', () => {
  // The rule plainNumber replaced: these regular expressions, then Number().
  const PLAIN_INTEGER = /^-?\d{1,15}$/u;
  const PLAIN_DECIMAL = /^-?\d{1,15}\.\d{1,15}$/u;
  const AMBIGUOUS_GROUP = /^-?\d{1,3}\.\d{3}$/u;
  const byRule = (text: string, locale: string): number =>
    PLAIN_INTEGER.test(text) ||
    (PLAIN_DECIMAL.test(text) && (locale !== 'de-DE' || !AMBIGUOUS_GROUP.test(text)))
      ? Number(text)
      : NaN;
  // Texts made mostly of what a plain number is made of, so both sides of the rule come up.
  const numberish = fc
    .array(fc.constantFrom('0', '1', '5', '9', '.', '-', ' ', ',', 'e', '+'), { maxLength: 34 })
    .map((chars) => chars.join(''));

  it('gives what the regular expressions and Number() gave, for any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(numberish, fc.string(), fc.double().map(String)),
        fc.constantFrom('en-GB', 'de-DE'),
        (text, locale) => {
          expect(Object.is(plainNumber(text, locale), byRule(text, locale))).toBe(true);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('leaves to the general parser what is not plain, which reads it as before', () => {
    expect(plainNumber(' 42', 'en-GB')).toBeNaN();
    expect(plainNumber('1.234', 'de-DE')).toBeNaN();
    expect(plainNumber('1234567890123456', 'en-GB')).toBeNaN();
    expect(plainNumber('-', 'en-GB')).toBeNaN();
    expect(plainNumber('', 'en-GB')).toBeNaN();
    expect(plainNumber('.5', 'en-GB')).toBeNaN();
    expect(plainNumber('5.', 'en-GB')).toBeNaN();
    expect(Object.is(plainNumber('-0', 'en-GB'), -0)).toBe(true);
    expect(plainNumber('1.234', 'en-GB')).toBe(1.234);
    expect(plainNumber('1234.567', 'de-DE')).toBe(1234.567);
    expect(value('1.234', 'de-DE')).toBe(1234);
    expect(value(' 42', 'en-GB')).toBe(42);
  });
});
