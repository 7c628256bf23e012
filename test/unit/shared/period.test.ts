import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FREQUENCIES, type Frequency } from '@shared/domain/kpi';
import {
  isPeriodKey,
  parsePeriod,
  periodKeyOfDay,
  periodLabel,
  periodsEndingAt,
  shiftPeriod,
} from '@shared/domain/period';

const START: Record<Frequency, string> = {
  daily: '2026-03-31',
  weekly: '2026-W13',
  monthly: '2026-03',
  quarterly: '2026-Q1',
  yearly: '2026',
};

// Shifts that stay within the years period keys allow (1900–2999).
const SPAN: Record<Frequency, number> = {
  daily: 400,
  weekly: 400,
  monthly: 400,
  quarterly: 300,
  yearly: 100,
};

describe('period keys', () => {
  it('knows ISO weeks, leap days and month ends', () => {
    expect(isPeriodKey('weekly', '2025-W53')).toBe(false);
    expect(isPeriodKey('weekly', '2026-W53')).toBe(true); // 2026 starts on a Thursday
    expect(isPeriodKey('weekly', '2020-W53')).toBe(true);
    expect(periodKeyOfDay('weekly', '2026-01-01')).toBe('2026-W01');
    expect(periodKeyOfDay('weekly', '2027-01-01')).toBe('2026-W53');
    expect(isPeriodKey('daily', '2028-02-29')).toBe(true);
    expect(isPeriodKey('daily', '2026-02-29')).toBe(false);
    expect(parsePeriod('monthly', '2028-02')?.end).toBe('2028-02-29');
    expect(parsePeriod('monthly', '2100-02')?.end).toBe('2100-02-28');
    expect(parsePeriod('quarterly', '2026-Q4')).toMatchObject({
      start: '2026-10-01',
      end: '2026-12-31',
    });
    expect(periodKeyOfDay('quarterly', '2026-09-30')).toBe('2026-Q3');
    expect(isPeriodKey('monthly', '2026-13')).toBe(false);
    expect(isPeriodKey('monthly', '2026-3')).toBe(false);
  });

  it('labels periods in the user locale', () => {
    expect(periodLabel('monthly', '2026-03', 'en-US')).toBe('Mar 2026');
    expect(periodLabel('monthly', '2026-03', 'de-DE')).toBe('März 2026');
    expect(periodLabel('quarterly', '2026-Q1', 'en-US')).toBe('Q1 2026');
    expect(periodLabel('weekly', '2026-W05', 'en-US')).toBe('W05 2026');
  });

  for (const frequency of FREQUENCIES) {
    it(`shifting ${frequency} periods is reversible and additive`, () => {
      fc.assert(
        fc.property(
          fc.integer({ min: -SPAN[frequency], max: SPAN[frequency] }),
          fc.integer({ min: -SPAN[frequency], max: SPAN[frequency] }),
          (n, m) => {
            const start = START[frequency];
            const there = shiftPeriod(frequency, start, n);
            expect(isPeriodKey(frequency, there)).toBe(true);
            expect(shiftPeriod(frequency, there, -n)).toBe(start);
            expect(shiftPeriod(frequency, there, m)).toBe(shiftPeriod(frequency, start, n + m));
          },
        ),
        { numRuns: 200 },
      );
    });

    it(`${frequency} periods in a row are consecutive and sort by time`, () => {
      const keys = periodsEndingAt(frequency, START[frequency], 60);
      expect(keys).toHaveLength(60);
      for (let i = 1; i < keys.length; i += 1) {
        const before = parsePeriod(frequency, keys[i - 1] as string);
        const after = parsePeriod(frequency, keys[i] as string);
        expect((keys[i - 1] as string) < (keys[i] as string)).toBe(true);
        const nextDay = new Date(Date.parse(`${before?.end ?? ''}T00:00:00Z`) + 86_400_000)
          .toISOString()
          .slice(0, 10);
        expect(after?.start).toBe(nextDay);
      }
    });
  }

  it('every day lies in the period its key names', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }),
        fc.constantFrom(...FREQUENCIES),
        (date, frequency) => {
          const day = date.toISOString().slice(0, 10);
          const period = parsePeriod(frequency, periodKeyOfDay(frequency, day));
          expect(period).not.toBeNull();
          expect((period?.start ?? '') <= day && day <= (period?.end ?? '')).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
