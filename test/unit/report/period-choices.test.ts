import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportPeriodChoices } from '@shared/report/periods';
import { shiftBucket } from '@shared/scoring/buckets';
import type { ViewSpec } from '@shared/scoring/calendar';

// The report's period list: nothing after today unless it has data; every period with data in
// the range is there; the chosen one always is.

const month: ViewSpec = { frequency: 'month', basis: 'calendar', fiscalYearStartMonth: 1 };
const fiscalQuarter: ViewSpec = { frequency: 'quarter', basis: 'fiscal', fiscalYearStartMonth: 7 };

describe('report period choices', () => {
  it('start at the period holding today when the data stops earlier, with no month ahead', () => {
    const choices = reportPeriodChoices({
      withData: ['2026-10', '2026-09'],
      chosen: '2026-10',
      today: '2026-12-06',
      view: month,
      back: 3,
    });
    expect(choices).toEqual(['2026-12', '2026-11', '2026-10', '2026-09']);
  });

  it('offer a future period only when it holds data', () => {
    const choices = reportPeriodChoices({
      withData: ['2027-02', '2026-11'],
      chosen: '2026-11',
      today: '2026-12-06',
      view: month,
      back: 4,
    });
    expect(choices).toEqual(['2027-02', '2026-12', '2026-11', '2026-10']);
  });

  it('work on fiscal quarters (July start: December is in FY2027 Q2)', () => {
    const choices = reportPeriodChoices({
      withData: [],
      chosen: 'FY2027-Q2',
      today: '2026-12-06',
      view: fiscalQuarter,
      back: 2,
    });
    expect(choices).toEqual(['FY2027-Q2', 'FY2027-Q1', 'FY2026-Q4']);
  });

  it('never offer an empty future period, and keep every period with data in range', () => {
    const offset = fc.integer({ min: -30, max: 30 });
    fc.assert(
      fc.property(fc.uniqueArray(offset, { maxLength: 8 }), offset, (steps, chosenStep) => {
        const today = '2026-12-06';
        const current = '2026-12';
        const withData = steps
          .map((step) => shiftBucket(current, step, month))
          .sort()
          .reverse();
        const chosen = shiftBucket(current, chosenStep, month);
        const choices = reportPeriodChoices({ withData, chosen, today, view: month, back: 36 });
        for (const period of choices)
          expect(period <= current || withData.includes(period) || period === chosen).toBe(true);
        const newest = withData[0] !== undefined && withData[0] > current ? withData[0] : current;
        const oldest = shiftBucket(newest, -36, month);
        for (const period of withData) if (period >= oldest) expect(choices).toContain(period);
        expect(choices).toContain(chosen);
        expect(choices).toContain(current);
      }),
    );
  });
});
