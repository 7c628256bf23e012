import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Kpi } from '@shared/domain/entities';
import type { Frequency } from '@shared/domain/kpi';
import { periodKeyOfDay, shiftPeriod } from '@shared/domain/period';
import { defaultPeriod, periodCompleteness, reportingBucket } from '@shared/scoring/default-period';
import { withScorecard } from './helpers';

// The scorecard's periods with data, their completeness and the default period, as the
// evaluation reads them (one grouped query, kept until the data changes), equal what the
// scoring rules give for the values entered — also after more values are written, so a kept
// answer never outlives the data it came from.

const TODAY = '2026-12-06';
const FREQUENCIES: Frequency[] = ['weekly', 'monthly', 'quarterly', 'yearly'];

const kpiArb = fc.record({
  frequency: fc.constantFrom(...FREQUENCIES),
  /** Periods back from today's (negative: in the future). */
  steps: fc.uniqueArray(fc.integer({ min: -2, max: 14 }), { maxLength: 8 }),
  calculated: fc.boolean(),
});

const periodOf = (frequency: Frequency, step: number) =>
  shiftPeriod(frequency, periodKeyOfDay(frequency, TODAY), -step);

describe('periods with data through scorecard.evaluate', () => {
  it('equal the scoring rules on the values entered, before and after more are written', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(kpiArb, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('month' as const, 'quarter' as const, 'year' as const),
        fc.boolean(),
        fc.record({ kpi: fc.nat(), step: fc.integer({ min: -2, max: 14 }) }),
        async (specs, frequency, rollUp, extra) => {
          const t = await withScorecard({ now: () => new Date(`${TODAY}T10:00:00Z`) });
          const kpis: Kpi[] = [];
          for (const [i, spec] of specs.entries())
            kpis.push(
              await t.call('kpi.create', {
                objectiveId: t.objective.id,
                name: `KPI ${i}`,
                code: `k${i}`,
                frequency: spec.frequency,
                target: 10,
              }),
            );
          const entered = specs.map(
            (spec) => new Set(spec.steps.map((s) => periodOf(spec.frequency, s))),
          );
          const write = (entries: { kpi: number; period: string }[]) =>
            entries.length === 0
              ? Promise.resolve()
              : t.call('value.setMany', {
                  entries: entries.map(({ kpi, period }) => ({
                    kpiId: kpis[kpi]?.id ?? '',
                    period,
                    value: 12,
                  })),
                });
          await write(
            entered.flatMap((periods, kpi) => [...periods].map((period) => ({ kpi, period }))),
          );
          // Values stay on calculated KPIs and on parents: they count as data, not as reported.
          for (const [i, spec] of specs.entries())
            if (i > 0 && spec.calculated)
              await t.call('kpi.update', { id: kpis[i]?.id ?? '', patch: { formula: 'k0 * 2' } });
          const parentIndex = specs.findIndex((spec, i) => i > 0 && !spec.calculated);
          if (rollUp && parentIndex > 0 && specs[0]?.frequency === specs[parentIndex]?.frequency) {
            await t.call('kpi.update', {
              id: kpis[parentIndex]?.id ?? '',
              patch: { rollup: 'sum' },
            });
            await t.call('kpi.setParent', {
              id: kpis[0]?.id ?? '',
              parentKpiId: kpis[parentIndex]?.id ?? null,
            });
          }

          const check = async () => {
            const view = { frequency, basis: 'calendar' as const };
            const evaluated = await t.call('scorecard.evaluate', { id: t.scorecard.id, view });
            const definitions = await t.call('kpi.list', {});
            const parents = new Set(definitions.map((kpi) => kpi.parentKpiId));
            const buckets = new Set(
              definitions.flatMap((kpi, i) =>
                [...(entered[i] ?? [])].flatMap(
                  (period) => reportingBucket(kpi.frequency, period, evaluated.view) ?? [],
                ),
              ),
            );
            const reporting = definitions.flatMap((kpi, i) =>
              kpi.formula === null && !(kpi.rollup !== 'manual' && parents.has(kpi.id))
                ? [{ frequency: kpi.frequency, periods: [...(entered[i] ?? [])] }]
                : [],
            );
            const counts = periodCompleteness(reporting, evaluated.view);
            const available = [...buckets].sort().reverse();
            expect(evaluated.availablePeriods).toEqual(available);
            expect(evaluated.completeness).toEqual(
              available.map((period) => ({
                period,
                ...(counts.get(period) ?? { reported: 0, expected: 0 }),
              })),
            );
            expect(evaluated.period).toBe(defaultPeriod(reporting, evaluated.view, TODAY));
          };
          await check();
          await check();
          // One more value: what was kept must not be shown again.
          const kpi = extra.kpi % specs.length;
          const spec = specs[kpi] as (typeof specs)[number];
          const period = periodOf(spec.frequency, extra.step);
          if (!(kpi > 0 && spec.calculated) && !(entered[kpi]?.has(period) ?? true)) {
            await write([{ kpi, period }]);
            entered[kpi]?.add(period);
          }
          await check();
          t.backend.close();
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it('count a quarterly KPI in the month its quarter ends, in the view and the board report', async () => {
    const t = await withScorecard();
    const kpi = await t.call('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Customer satisfaction',
      frequency: 'quarterly',
      target: 80,
    });
    for (const [period, value] of [
      ['2026-Q2', 78],
      ['2026-Q3', 83],
    ] as const)
      await t.call('value.set', { kpiId: kpi.id, period, value });
    const view = { frequency: 'month' as const, basis: 'calendar' as const };
    const evaluated = await t.call('scorecard.evaluate', { id: t.scorecard.id, view });
    // September shows Q3 (83, on track): it is a month with data, not "(no data)".
    expect(evaluated.availablePeriods).toEqual(['2026-09', '2026-06']);
    expect(evaluated.period).toBe('2026-09');
    expect(evaluated.completeness).toEqual([
      { period: '2026-09', reported: 1, expected: 1 },
      { period: '2026-06', reported: 1, expected: 1 },
    ]);
    const report = await t.call('report.data', {
      scorecardId: t.scorecard.id,
      frequency: 'month',
      basis: 'calendar',
    });
    expect(report.availablePeriods).toEqual(['2026-09', '2026-06']);
    t.backend.close();
  });
});
