import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attentionList,
  biggestMovers,
  dueActionPlans,
  gapOf,
  statusCounts,
  type PlacedKpi,
} from '@shared/dashboard/build';
import type { ActionPlan } from '@shared/domain/entities';
import { STATUSES, type Status } from '@shared/domain/kpi';
import type { KpiEvaluation } from '@shared/scoring/evaluate-kpis';
import { kpi } from '../health/factory';

// The dashboard's pure parts on evaluations as the scoring engine gives them: counts by
// status, what needs attention (off track before at risk, furthest first), the movers.

function evaluation(extra: Partial<KpiEvaluation>): KpiEvaluation {
  return {
    kpiId: 'x',
    source: 'entered',
    value: null,
    target: null,
    stretchTarget: null,
    status: 'no_data',
    score: null,
    previousValue: null,
    trend: null,
    improved: null,
    sparkline: [],
    sparklineBuckets: [],
    targetToDate: false,
    forecast: null,
    missingInputs: 0,
    tooLarge: false,
    inputs: 0,
    period: null,
    ...extra,
  };
}

const placed = (id: string, e: Partial<KpiEvaluation>, extra = {}): PlacedKpi => ({
  kpi: kpi(id, { name: id, ...extra }),
  evaluation: evaluation(e),
  objectiveName: 'Grow',
  perspectiveName: 'Financial',
});

describe('dashboard', () => {
  it('law: counts by status add up to the KPIs', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...STATUSES)), (statuses: Status[]) => {
        const counts = statusCounts(statuses.map((status, i) => placed(String(i), { status })));
        expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(statuses.length);
        for (const status of STATUSES)
          expect(counts[status]).toBe(statuses.filter((s) => s === status).length);
      }),
    );
  });

  it('lists off track before at risk, the furthest from target first, with gap and comment', () => {
    const list = attentionList(
      [
        placed('risk', { status: 'at_risk', value: 95, target: 100 }),
        placed('fine', { status: 'on_track', value: 100, target: 100 }),
        placed('near', { status: 'off_track', value: 80, target: 100 }),
        placed('far', { status: 'off_track', value: 40, target: 100 }),
      ],
      (k) => `comment on ${k.name}`,
    );
    expect(list.map((row) => [row.name, row.gap, row.comment])).toEqual([
      ['far', -60, 'comment on far'],
      ['near', -20, 'comment on near'],
      ['risk', -5, 'comment on risk'],
    ]);
  });

  it("law: the first `count` rows are the whole list's first, and only they read a comment", () => {
    const entry = fc.record({
      status: fc.constantFrom(...STATUSES),
      value: fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null }),
      target: fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), fc.nat(12), (entries, count) => {
        const kpis = entries.map((e, i) => placed(`k${String(i)}`, e));
        const whole = attentionList(kpis, (k) => `comment on ${k.name}`);
        const read: string[] = [];
        const first = attentionList(
          kpis,
          (k) => {
            read.push(k.name);
            return `comment on ${k.name}`;
          },
          count,
        );
        expect(first).toEqual(whole.slice(0, count));
        expect(read.sort()).toEqual(first.map((row) => row.name).sort());
      }),
    );
  });

  it('measures a within-range gap from the nearer end of the range', () => {
    const range = kpi('r', { direction: 'within_range', targetMin: 10, targetMax: 20 });
    expect(gapOf(range, evaluation({ value: 25 }))).toBe(5);
    expect(gapOf(range, evaluation({ value: 4 }))).toBe(-6);
    expect(gapOf(range, evaluation({ value: 15 }))).toBe(0);
    expect(gapOf(range, evaluation({ value: null }))).toBeNull();
  });

  it('ranks movers by the size of their relative move, leaving out the unmoved', () => {
    const movers = biggestMovers([
      placed('small', { value: 105, previousValue: 100, improved: true }),
      placed('big', { value: 50, previousValue: 100, improved: false }),
      placed('still', { value: 7, previousValue: 7 }),
      placed('new', { value: 3, previousValue: null }),
    ]);
    expect(movers.map((m) => [m.name, m.change, m.relativeChange, m.improved])).toEqual([
      ['big', -50, -0.5, false],
      ['small', 5, 0.05, true],
    ]);
  });

  it('lists open action plans due within two weeks or overdue, soonest first', () => {
    const plan = (id: string, dueDate: string | null, status: ActionPlan['status']) =>
      ({ id, kpiId: 'k', objectiveId: null, title: id, dueDate, status }) as ActionPlan;
    const due = dueActionPlans(
      [
        plan('later', '2026-12-30', 'planned'),
        plan('soon', '2026-11-20', 'in_progress'),
        plan('late', '2026-11-01', 'blocked'),
        plan('done', '2026-11-02', 'done'),
        plan('undated', null, 'planned'),
      ],
      '2026-11-14',
      () => 'Revenue',
    );
    expect(due.map((d) => [d.plan.id, d.overdue])).toEqual([
      ['late', true],
      ['soon', false],
    ]);
  });
});
