import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitTrend, forecastBucket, MIN_FORECAST_POINTS } from '@shared/scoring/forecast';
import { targetFor, targetPlanProblem, type TargetPlan } from '@shared/scoring/targets';

describe('targets over time', () => {
  it('holds a constant target in every period', () => {
    expect(targetFor({ kind: 'constant', value: 5 }, 'monthly', '2031-07')).toBe(5);
    expect(targetFor(null, 'monthly', '2031-07')).toBeNull();
  });

  it('changes a stepped target from its period on', () => {
    const plan: TargetPlan = {
      kind: 'steps',
      steps: [
        { from: '2026-07', value: 14_000 },
        { from: '2026-01', value: 12_000 },
      ],
    };
    expect(targetFor(plan, 'monthly', '2025-12')).toBeNull();
    expect(targetFor(plan, 'monthly', '2026-01')).toBe(12_000);
    expect(targetFor(plan, 'monthly', '2026-06')).toBe(12_000);
    expect(targetFor(plan, 'monthly', '2026-07')).toBe(14_000);
    expect(targetFor(plan, 'monthly', '2030-01')).toBe(14_000);
  });

  it('draws a straight line from baseline to goal by the deadline', () => {
    const plan: TargetPlan = {
      kind: 'trajectory',
      baselinePeriod: '2026-Q1',
      baseline: 100,
      goalPeriod: '2027-Q1',
      goal: 200,
    };
    expect(targetFor(plan, 'quarterly', '2025-Q4')).toBeNull();
    expect(targetFor(plan, 'quarterly', '2026-Q1')).toBe(100);
    expect(targetFor(plan, 'quarterly', '2027-Q1')).toBe(200);
    expect(targetFor(plan, 'quarterly', '2028-Q3')).toBe(200);
    const mid = targetFor(plan, 'quarterly', '2026-Q3') as number;
    expect(mid).toBeGreaterThan(145);
    expect(mid).toBeLessThan(155);
  });

  it('a trajectory never leaves the band between baseline and goal', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 30 }),
        (baseline, goal, span, offset) => {
          const plan: TargetPlan = {
            kind: 'trajectory',
            baselinePeriod: '2026',
            baseline,
            goalPeriod: String(2026 + span),
            goal,
          };
          const value = targetFor(plan, 'yearly', String(2026 + offset)) as number;
          expect(value).toBeGreaterThanOrEqual(Math.min(baseline, goal) - 1e-9);
          expect(value).toBeLessThanOrEqual(Math.max(baseline, goal) + 1e-9);
        },
      ),
    );
  });

  it('explains a plan that cannot be used', () => {
    expect(targetPlanProblem({ kind: 'steps', steps: [] }, 'monthly')?.field).toBe('steps');
    expect(
      targetPlanProblem({ kind: 'steps', steps: [{ from: '2026-13', value: 1 }] }, 'monthly'),
    ).toEqual({ field: 'steps.0.from', message: '"2026-13" is not a monthly period' });
    expect(
      targetPlanProblem(
        {
          kind: 'trajectory',
          baselinePeriod: '2027-01',
          baseline: 1,
          goalPeriod: '2026-01',
          goal: 2,
        },
        'monthly',
      )?.field,
    ).toBe('goalPeriod');
  });
});

describe('forecast', () => {
  it('fits an exact line exactly', () => {
    const points = [0, 1, 2, 3, 4].map((index) => ({ index, value: 10 + 3 * index }));
    const trend = fitTrend(points);
    expect(trend?.slope).toBeCloseTo(3, 12);
    expect(trend?.intercept).toBeCloseTo(10, 12);
  });

  it(`gives no forecast from fewer than ${MIN_FORECAST_POINTS} points`, () => {
    expect(
      fitTrend([
        { index: 0, value: 1 },
        { index: 1, value: 2 },
        { index: 2, value: 3 },
      ]),
    ).toBeNull();
  });

  it('projects the rest of a quarter and says whether the target will be hit', () => {
    // Monthly sales rising 10 a month; the quarter has one month in, target 390 for the quarter.
    const history = [0, 1, 2, 3, 4, 5, 6].map((index) => ({ index, value: 100 + 10 * index }));
    const hit = forecastBucket({
      history,
      bucketIndices: [6, 7, 8],
      aggregation: 'sum',
      direction: 'higher_is_better',
      target: 390,
    });
    expect(hit?.projected).toBeCloseTo(160 + 170 + 180, 9);
    expect(hit?.forecastIndices).toEqual([7, 8]);
    expect(hit?.verdict).toBe('on_track_to_hit');

    const miss = forecastBucket({
      history,
      bucketIndices: [6, 7, 8],
      aggregation: 'sum',
      direction: 'higher_is_better',
      target: 600,
    });
    expect(miss?.verdict).toBe('projected_to_miss');
    expect(miss?.gap).toBeCloseTo(90, 9);
  });

  it('for lower-is-better, a projection above the target is a miss', () => {
    const history = [0, 1, 2, 3].map((index) => ({ index, value: 5 + index }));
    const result = forecastBucket({
      history,
      bucketIndices: [4, 5],
      aggregation: 'average',
      direction: 'lower_is_better',
      target: 6,
    });
    expect(result?.verdict).toBe('projected_to_miss');
    expect(result?.gap).toBeCloseTo(3.5, 9);
  });
});
