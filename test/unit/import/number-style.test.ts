import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guessNumberStyle } from '@shared/transfer/number-style';
import type { SourceRow } from '@shared/transfer/table';

const rows = (...lines: string[][]): SourceRow[] =>
  lines.map((cells, index) => ({ line: index + 2, cells }));

const day = fc
  .tuple(
    fc.integer({ min: 1, max: 28 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 2000, max: 2030 }),
  )
  .map(([d, m, y]) => [d, m, y] as const);

describe('guessing how a file writes its numbers', () => {
  it('never lets a date vote for the point: any dates with grouped numbers read as thousands', () => {
    fc.assert(
      fc.property(
        fc.array(day, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('.', '/', '-'),
        fc.array(fc.integer({ min: 1000, max: 999_999 }), { minLength: 1, maxLength: 8 }),
        (days, mark, numbers) => {
          const dates = days.map(([d, m, y]) =>
            [String(d).padStart(2, '0'), String(m).padStart(2, '0'), String(y)].join(mark),
          );
          const grouped = numbers.map((n) => n.toLocaleString('de-DE'));
          const guess = guessNumberStyle(rows(dates, grouped), 'en-GB');
          // Dotted dates are evidence for comma decimals; other dates are no evidence at all.
          if (mark === '.') expect(guess).toMatchObject({ locale: 'de-DE', decided: true });
          else expect(guess.locale === 'en-US' && guess.decided).toBe(false);
        },
      ),
    );
  });

  it('asks, with an example, when only numbers like 1.968 are there', () => {
    expect(guessNumberStyle(rows(['2026-01', '1.968'], ['2026-02', '1.972']), 'en-GB')).toEqual({
      locale: 'en-US',
      decided: false,
      example: '1.968',
      evidence: null,
    });
    // Nothing ambiguous, nothing to ask.
    expect(guessNumberStyle(rows(['2026-01', '1968']), 'en-GB').decided).toBe(true);
  });

  it('takes numbers that read one way only over the dates', () => {
    expect(
      guessNumberStyle(rows(['31.01.2026', "1'234.50"], ['28.02.2026', '84.500']), 'de-DE'),
    ).toMatchObject({ locale: 'de-CH', decided: true });
    expect(guessNumberStyle(rows(['31.01.2026', '12,5 %'], ['x', '1.968']), 'en-US')).toMatchObject(
      { locale: 'de-DE', decided: true, example: '1.968' },
    );
    expect(
      guessNumberStyle(rows(['Retention', '0.915'], ['Members', '1,968']), 'de-DE'),
    ).toMatchObject({ locale: 'en-US', decided: true });
  });
});
