import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shiftPeriod } from '@shared/domain/period';
import type { ViewSpec } from '@shared/scoring/calendar';
import {
  defaultPeriod,
  periodCompleteness,
  type ReportingKpi,
} from '@shared/scoring/default-period';

const MONTH: ViewSpec = { frequency: 'month', basis: 'calendar', fiscalYearStartMonth: 1 };
const QUARTER: ViewSpec = { ...MONTH, frequency: 'quarter' };
const TODAY = '2026-12-06';
const month = (offset: number) => shiftPeriod('monthly', '2025-01', offset);

/** Two to twelve monthly KPIs, each with some of the 24 months from Jan 2025. */
const scorecards = fc
  .array(fc.uniqueArray(fc.integer({ min: 0, max: 23 }), { maxLength: 24 }), {
    minLength: 2,
    maxLength: 12,
  })
  .map((kpis) =>
    kpis.map((offsets): ReportingKpi => ({ frequency: 'monthly', periods: offsets.map(month) })),
  );

const togetherSomewhere = (kpis: readonly ReportingKpi[]) => {
  const seen = new Map<string, number>();
  for (const kpi of kpis) for (const p of kpi.periods) seen.set(p, (seen.get(p) ?? 0) + 1);
  return [...seen.values()].some((count) => count >= 2);
};

describe('the default period', () => {
  it('is never moved by a single value in a later period no other KPI has reported', () => {
    fc.assert(
      fc.property(scorecards, fc.nat(), fc.integer({ min: 0, max: 22 }), (kpis, who, later) => {
        fc.pre(togetherSomewhere(kpis));
        const before = defaultPeriod(kpis, MONTH, TODAY);
        const stray = shiftPeriod('monthly', before, 1 + later);
        fc.pre(stray <= '2026-12' && kpis.every((kpi) => !kpi.periods.includes(stray)));
        const k = who % kpis.length;
        const after = kpis.map((kpi, i) =>
          i === k ? { ...kpi, periods: [...kpi.periods, stray] } : kpi,
        );
        expect(defaultPeriod(after, MONTH, TODAY)).toBe(before);
      }),
      {
        numRuns: 1000,
        // Found by fast-check: one KPI's own value was once "most" of those due so far.
        examples: [
          [
            [
              { frequency: 'monthly', periods: ['2025-12'] },
              { frequency: 'monthly', periods: ['2025-03'] },
              { frequency: 'monthly', periods: ['2025-01'] },
              { frequency: 'monthly', periods: ['2025-12'] },
              { frequency: 'monthly', periods: [] },
            ],
            1959447132,
            0,
          ],
        ],
      },
    );
  });

  it('is never in the future, even when every KPI has a value there', () => {
    fc.assert(
      fc.property(scorecards, fc.integer({ min: 1, max: 30 }), (kpis, ahead) => {
        const future = shiftPeriod('monthly', '2026-12', ahead);
        const withFuture = kpis.map((kpi) => ({ ...kpi, periods: [...kpi.periods, future] }));
        expect(defaultPeriod(withFuture, MONTH, TODAY) <= '2026-12').toBe(true);
      }),
    );
  });

  it('is the latest month most KPIs reported, not the latest with any value', () => {
    const kpis: ReportingKpi[] = Array.from({ length: 20 }, (_, i) => ({
      frequency: 'monthly',
      periods: ['2026-09', '2026-10', ...(i === 0 ? ['2026-11'] : [])],
    }));
    expect(defaultPeriod(kpis, MONTH, TODAY)).toBe('2026-10');
    expect(periodCompleteness(kpis, MONTH).get('2026-11')).toEqual({ reported: 1, expected: 20 });
    expect(periodCompleteness(kpis, MONTH).get('2026-10')).toEqual({ reported: 20, expected: 20 });
    // With nothing reported at all: the period containing today.
    expect(defaultPeriod([], MONTH, TODAY)).toBe('2026-12');
  });

  it('counts a quarterly KPI where its quarter ends, and only there', () => {
    const kpis: ReportingKpi[] = [
      { frequency: 'monthly', periods: ['2026-09', '2026-10'] },
      { frequency: 'monthly', periods: ['2026-09', '2026-10'] },
      { frequency: 'quarterly', periods: ['2026-Q3'] },
    ];
    const counts = periodCompleteness(kpis, MONTH);
    expect(counts.get('2026-09')).toEqual({ reported: 3, expected: 3 });
    expect(counts.get('2026-10')).toEqual({ reported: 2, expected: 2 });
    expect(defaultPeriod(kpis, MONTH, TODAY)).toBe('2026-10');
    expect(defaultPeriod(kpis, QUARTER, TODAY)).toBe('2026-Q4');
  });
});
