import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGGREGATIONS } from '@shared/domain/kpi';
import { shiftPeriod } from '@shared/domain/period';
import { aggregate, aggregateByView } from '@shared/scoring/aggregate';
import {
  bucketLabel,
  bucketOf,
  fiscalPosition,
  monthsOfBucket,
  type ViewSpec,
} from '@shared/scoring/calendar';
import { rollUp, SCORE_CAP, scoreOf } from '@shared/scoring/score';

const calendar = (frequency: ViewSpec['frequency']): ViewSpec => ({
  frequency,
  basis: 'calendar',
  fiscalYearStartMonth: 1,
});
const fiscalApril = (frequency: ViewSpec['frequency']): ViewSpec => ({
  frequency,
  basis: 'fiscal',
  fiscalYearStartMonth: 4,
});

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });

/** Random monthly series: a start month, and per month a value or a gap. */
const monthlySeries = fc
  .tuple(
    fc.integer({ min: 2020, max: 2030 }),
    fc.integer({ min: 1, max: 12 }),
    fc.array(fc.option(fc.integer({ min: -10_000, max: 10_000 }), { nil: null }), {
      maxLength: 40,
    }),
  )
  .map(([year, month, values]) => {
    const first = `${year}-${String(month).padStart(2, '0')}`;
    return values.flatMap((value, i) =>
      value === null ? [] : [{ period: shiftPeriod('monthly', first, i), value }],
    );
  });

describe('fiscal years', () => {
  it('names a fiscal year after the calendar year it ends in', () => {
    expect(fiscalPosition(2026, 4, 4)).toEqual({ fiscalYear: 2027, quarter: 1 });
    expect(fiscalPosition(2027, 3, 4)).toEqual({ fiscalYear: 2027, quarter: 4 });
    expect(fiscalPosition(2026, 3, 4)).toEqual({ fiscalYear: 2026, quarter: 4 });
    expect(fiscalPosition(2026, 7, 1)).toEqual({ fiscalYear: 2026, quarter: 3 });
    expect(bucketOf('monthly', '2026-04', fiscalApril('year'))).toBe('FY2027');
    expect(bucketOf('monthly', '2027-03', fiscalApril('year'))).toBe('FY2027');
    expect(bucketOf('monthly', '2026-05', fiscalApril('quarter'))).toBe('FY2027-Q1');
    expect(bucketLabel('FY2027-Q1')).toBe('Q1 FY2027');
  });

  it('puts every month of a bucket back in that bucket', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom<'quarter' | 'year'>('quarter', 'year'),
        (year, month, start, frequency) => {
          const view: ViewSpec = { frequency, basis: 'fiscal', fiscalYearStartMonth: start };
          const key = `${year}-${String(month).padStart(2, '0')}`;
          const bucket = bucketOf('monthly', key, view);
          expect(bucket).not.toBeNull();
          const months = monthsOfBucket(bucket as string, view);
          expect(months).toHaveLength(frequency === 'quarter' ? 3 : 12);
          expect(months).toContain(key);
          for (const other of months) expect(bucketOf('monthly', other, view)).toBe(bucket);
        },
      ),
    );
  });

  it('counts a week in the month of its Thursday', () => {
    expect(bucketOf('weekly', '2026-W01', calendar('month'))).toBe('2026-01'); // Thu 1 Jan 2026
    expect(bucketOf('weekly', '2025-W01', calendar('month'))).toBe('2025-01'); // Mon 30 Dec 2024
    expect(bucketOf('weekly', '2020-W53', calendar('year'))).toBe('2020');
  });

  it('has no monthly value for a quarterly KPI', () => {
    expect(bucketOf('quarterly', '2026-Q1', calendar('month'))).toBeNull();
    expect(bucketOf('quarterly', '2026-Q2', fiscalApril('quarter'))).toBe('FY2027-Q1');
    expect(bucketOf('yearly', '2026', fiscalApril('year'))).toBeNull();
  });
});

describe('aggregation over time', () => {
  it('treats missing periods as no data, never zero', () => {
    expect(aggregate([], 'sum')).toBeNull();
    const byQuarter = aggregateByView(
      [
        { period: '2026-01', value: 10 },
        { period: '2026-03', value: 20 },
      ],
      'monthly',
      'average',
      calendar('quarter'),
    );
    expect(byQuarter.get('2026-Q1')).toBe(15);
    expect(byQuarter.has('2026-Q2')).toBe(false);
  });

  it('takes the latest value present for "last"', () => {
    const byYear = aggregateByView(
      [
        { period: '2026-11', value: 7 },
        { period: '2026-02', value: 3 },
      ],
      'monthly',
      'last',
      calendar('year'),
    );
    expect(byYear.get('2026')).toBe(7);
  });

  it('aggregating a year from months equals aggregating its quarters (sum, min, max, last)', () => {
    fc.assert(
      fc.property(monthlySeries, fc.constantFrom('sum', 'min', 'max', 'last'), (series, how) => {
        const direct = aggregateByView(series, 'monthly', how, calendar('year'));
        const quarters = aggregateByView(series, 'monthly', how, calendar('quarter'));
        const viaQuarters = aggregateByView(
          [...quarters].map(([period, value]) => ({ period, value })),
          'quarterly',
          how,
          calendar('year'),
        );
        expect([...viaQuarters]).toEqual([...direct]);
      }),
    );
  });

  it('a quarter is the aggregation of exactly its months, for every aggregation', () => {
    fc.assert(
      fc.property(monthlySeries, fc.constantFrom(...AGGREGATIONS), (series, how) => {
        const byQuarter = aggregateByView(series, 'monthly', how, calendar('quarter'));
        for (const [quarter, value] of byQuarter) {
          const months = new Set(monthsOfBucket(quarter, calendar('quarter')));
          const own = series
            .filter((entry) => months.has(entry.period))
            .map((entry) => entry.value);
          expect(value).toBeCloseTo(aggregate(own, how) as number, 9);
        }
      }),
    );
  });
});

describe('scores', () => {
  it('known answers for each direction', () => {
    const base = { targetMin: null, targetMax: null };
    expect(scoreOf({ ...base, value: 90, target: 100, direction: 'higher_is_better' })).toBe(90);
    expect(scoreOf({ ...base, value: 500, target: 100, direction: 'higher_is_better' })).toBe(
      SCORE_CAP,
    );
    expect(scoreOf({ ...base, value: 80, target: 100, direction: 'lower_is_better' })).toBe(125);
    expect(scoreOf({ ...base, value: 0, target: 5, direction: 'lower_is_better' })).toBe(SCORE_CAP);
    expect(scoreOf({ ...base, value: 1, target: 0, direction: 'lower_is_better' })).toBe(0);
    expect(scoreOf({ ...base, value: 0, target: 0, direction: 'lower_is_better' })).toBe(100);
    expect(scoreOf({ ...base, value: -5, target: -10, direction: 'higher_is_better' })).toBe(150);
    const range = {
      targetMin: 28,
      targetMax: 32,
      target: null,
      direction: 'within_range' as const,
    };
    expect(scoreOf({ ...range, value: 30 })).toBe(100);
    expect(scoreOf({ ...range, value: 33 })).toBe(50);
    expect(scoreOf({ ...range, value: 40 })).toBe(0);
    expect(scoreOf({ ...base, value: null, target: 5, direction: 'higher_is_better' })).toBeNull();
  });

  it('always lies between 0 and the cap', () => {
    fc.assert(
      fc.property(
        finite,
        fc.option(finite, { nil: null }),
        fc.constantFrom('higher_is_better', 'lower_is_better'),
        (value, target, direction) => {
          const score = scoreOf({ value, target, direction, targetMin: null, targetMax: null });
          if (target === null) expect(score).toBeNull();
          else expect(score).toBeGreaterThanOrEqual(0);
          if (score !== null) expect(score).toBeLessThanOrEqual(SCORE_CAP);
        },
      ),
    );
  });
});

describe('roll-ups', () => {
  const item = fc.record({
    score: fc.option(fc.double({ min: 0, max: SCORE_CAP, noNaN: true }), { nil: null }),
    weight: fc.double({ min: 0.01, max: 100, noNaN: true }),
  });

  it('a roll-up of equal scores equals that score', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: SCORE_CAP, noNaN: true }),
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1 }),
        (score, weights) => {
          expect(rollUp(weights.map((weight) => ({ score, weight }))).score).toBeCloseTo(score, 9);
        },
      ),
    );
  });

  it('scaling every weight together changes nothing', () => {
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1 }),
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        (items, factor) => {
          const scaled = rollUp(
            items.map((entry) => ({ ...entry, weight: entry.weight * factor })),
          );
          const plain = rollUp(items);
          if (plain.score === null) expect(scaled.score).toBeNull();
          else expect(scaled.score).toBeCloseTo(plain.score, 6);
        },
      ),
    );
  });

  it('adding a no-data item does not change the score, and is counted', () => {
    fc.assert(
      fc.property(fc.array(item), fc.double({ min: 0, max: 100, noNaN: true }), (items, weight) => {
        const before = rollUp(items);
        const after = rollUp([...items, { score: null, weight }]);
        expect(after.score).toBe(before.score);
        expect(after.noData).toBe(before.noData + 1);
        expect(after.total).toBe(items.length + 1);
      }),
    );
  });

  it('renormalises weights over the items with data', () => {
    const result = rollUp([
      { score: 100, weight: 3 },
      { score: 50, weight: 1 },
      { score: null, weight: 6 },
    ]);
    expect(result).toEqual({ score: 87.5, noData: 1, total: 3 });
  });
});
