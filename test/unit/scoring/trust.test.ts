import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultThresholds, DIRECTIONS } from '@shared/domain/kpi';
import { roundForDisplay, statusOf } from '@shared/domain/status';
import type { ViewSpec } from '@shared/scoring/calendar';
import { evaluateKpis, type EvaluationKpi } from '@shared/scoring/evaluate-kpis';

// Numbers a user can trust: quarterly KPIs in the month view, roll-ups with missing children,
// and statuses compared at the precision shown.

const MONTH: ViewSpec = { frequency: 'month', basis: 'calendar', fiscalYearStartMonth: 1 };

function kpi(id: string, overrides: Partial<EvaluationKpi> = {}): EvaluationKpi {
  return {
    id,
    code: id,
    unit: { format: 'number', currency: null, suffix: '' },
    frequency: 'monthly',
    aggregation: 'sum',
    direction: 'higher_is_better',
    target: null,
    targetPlan: null,
    targetMin: null,
    targetMax: null,
    stretchTarget: null,
    thresholds: defaultThresholds(overrides.direction ?? 'higher_is_better'),
    weight: 1,
    rollup: 'manual',
    parentKpiId: null,
    formula: null,
    ...overrides,
  };
}

const values = (entries: Record<string, Record<string, number>>) =>
  new Map(
    Object.entries(entries).map(([id, byPeriod]) => [
      id,
      Object.entries(byPeriod).map(([period, value]) => ({ period, value })),
    ]),
  );

describe('a quarterly KPI in the month view', () => {
  const nps = kpi('nps', { frequency: 'quarterly', aggregation: 'last', target: 45 });
  const evaluate = (bucket: string, data: Record<string, number>) =>
    evaluateKpis([nps], values({ nps: data }), { view: MONTH, bucket, sparklineLength: 12 }).get(
      'nps',
    );

  it('shows its latest quarter up to the month, named, with its status and trend', () => {
    const november = evaluate('2026-11', { '2026-Q2': 40, '2026-Q3': 47 });
    expect(november).toMatchObject({
      value: 47,
      period: '2026-Q3',
      target: 45,
      status: 'on_track',
      previousValue: 40,
      trend: 'up',
    });
    // Every month shows the quarter it is in once that has a value, else the one before.
    expect(november?.sparkline.slice(-6)).toEqual([40, 47, 47, 47, 47, 47]);
    expect(evaluate('2026-09', { '2026-Q3': 47 })?.period).toBe('2026-Q3');
  });

  it('shows nothing older than the quarter before', () => {
    expect(evaluate('2026-11', { '2026-Q1': 40 })).toMatchObject({
      value: null,
      period: null,
      status: 'no_data',
    });
  });
});

describe('a roll-up with children missing', () => {
  const parent = (overrides: Partial<EvaluationKpi> = {}) =>
    kpi('total', { rollup: 'sum', target: 300, ...overrides });
  const child = (id: string) => kpi(id, { parentKpiId: 'total' });
  const evaluate = (p: EvaluationKpi, data: Record<string, Record<string, number>>) =>
    evaluateKpis([p, child('a'), child('b'), child('c')], values(data), {
      view: MONTH,
      bucket: '2026-03',
      sparklineLength: 2,
    }).get('total');

  it('says 2 of 3 reported and is not called off track for the missing one', () => {
    const partial = evaluate(parent(), { a: { '2026-03': 100 }, b: { '2026-03': 100 } });
    expect(partial).toMatchObject({
      value: 200,
      missingInputs: 1,
      inputs: 3,
      status: 'no_data',
      score: null,
    });
    const complete = evaluate(parent(), {
      a: { '2026-03': 100 },
      b: { '2026-03': 100 },
      c: { '2026-03': 100 },
    });
    expect(complete).toMatchObject({ value: 300, missingInputs: 0, status: 'on_track' });
  });

  it('keeps a status the missing values cannot change', () => {
    // Lower is better and already over the target with two of three: more can only be worse.
    const costs = parent({
      direction: 'lower_is_better',
      thresholds: defaultThresholds('lower_is_better'),
    });
    expect(evaluate(costs, { a: { '2026-03': 250 }, b: { '2026-03': 150 } })?.status).toBe(
      'off_track',
    );
    // Already on track with two of three, more can only help.
    expect(evaluate(parent(), { a: { '2026-03': 200 }, b: { '2026-03': 150 } })?.status).toBe(
      'on_track',
    );
  });
});

describe('status at the precision shown', () => {
  it('calls a calculated 11.99995 % against a 12.00 % target on track', () => {
    const margin = kpi('margin', {
      unit: { format: 'percent', currency: null, suffix: '' },
      aggregation: 'average',
      decimals: 2,
      target: 12,
      formula: 'x * 1',
    });
    const x = kpi('x', { aggregation: 'average' });
    const result = evaluateKpis([margin, x], values({ x: { '2026-03': 11.99995 } }), {
      view: MONTH,
      bucket: '2026-03',
      sparklineLength: 2,
    }).get('margin');
    expect(result).toMatchObject({ status: 'on_track', score: 100 });
  });

  const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });

  it('depends only on the value as shown, in every direction and decimals', () => {
    fc.assert(
      fc.property(
        finite,
        finite,
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom(...DIRECTIONS),
        (value, target, decimals, direction) => {
          const input = {
            direction,
            target,
            targetMin: Math.min(target, target * 1.1),
            targetMax: Math.max(target, target * 1.1),
            thresholds: defaultThresholds(direction),
            decimals,
          };
          expect(statusOf({ ...input, value })).toBe(
            statusOf({ ...input, value: roundForDisplay(value, decimals) }),
          );
        },
      ),
    );
  });

  it('shows a whole number as itself, as a number a hair off it reads', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: -(10 ** 8), max: 10 ** 8 }),
        fc.constantFrom(-0.4, -0.01, 0.01, 0.4),
        (decimals, whole, nudge) => {
          expect(roundForDisplay(whole, decimals)).toBe(whole);
          expect(roundForDisplay(whole + nudge * 10 ** -decimals, decimals)).toBe(whole);
        },
      ),
    );
    expect(roundForDisplay(123456789012345, 2)).toBe(123456789012345);
    expect(Object.is(roundForDisplay(-0.4, 0), 0)).toBe(true);
  });

  it('keeps numbers of 10^15 and more, and gives them a status', () => {
    // Their decimal text has an exponent of its own ("1.2e+18"): these read as "No data" once.
    fc.assert(
      fc.property(
        fc.double({ min: 1e15, max: 1e300, noNaN: true }),
        fc.constantFrom(1, -1),
        fc.integer({ min: 0, max: 6 }),
        (size, sign, decimals) => {
          const value = sign * size;
          const shown = roundForDisplay(value, decimals);
          expect(Number.isFinite(shown)).toBe(true);
          expect(Math.abs(shown - value)).toBeLessThanOrEqual(Math.abs(value) * 1e-14);
        },
      ),
    );
    expect(roundForDisplay(1.2e18 + 0.5, 2)).toBe(1.2e18);
    expect(
      statusOf({
        value: 2.5e18,
        direction: 'higher_is_better',
        target: 2e18,
        targetMin: null,
        targetMax: null,
        thresholds: defaultThresholds('higher_is_better'),
        decimals: 2,
      }),
    ).toBe('on_track');
  });

  it('is on track whenever value and target read the same (positive targets)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom('higher_is_better', 'lower_is_better' as const),
        fc.double({ min: -0.49, max: 0.49, noNaN: true }),
        (target, decimals, direction, nudge) => {
          const value = roundForDisplay(target, decimals) + nudge * 10 ** -decimals;
          fc.pre(roundForDisplay(value, decimals) === roundForDisplay(target, decimals));
          fc.pre(roundForDisplay(target, decimals) !== 0);
          expect(
            statusOf({
              value,
              direction,
              target,
              targetMin: null,
              targetMax: null,
              thresholds: defaultThresholds(direction),
              decimals,
            }),
          ).toBe('on_track');
        },
      ),
    );
  });
});
