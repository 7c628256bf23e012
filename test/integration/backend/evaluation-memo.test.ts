import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Kpi } from '@shared/domain/entities';
import { shiftPeriod } from '@shared/domain/period';
import { withScorecard } from './helpers';

// A scorecard's evaluation is answered again while the workspace's data is unchanged (issue 19:
// the scorecard page reloaded, shown again after the dashboard). What it answers must equal an
// evaluation computed afresh, after every kind of write, and a value typed shows at once.

const NOW = '2026-12-06T10:00:00Z';
const VIEW = { frequency: 'month', basis: 'calendar' } as const;

async function setUp(count: number) {
  const t = await withScorecard({ now: () => new Date(NOW) });
  const kpis: Kpi[] = [];
  for (let i = 0; i < count; i += 1)
    kpis.push(
      await t.call('kpi.create', {
        objectiveId: t.objective.id,
        name: `KPI ${i}`,
        code: `k${i}`,
        target: 100,
      }),
    );
  return { ...t, kpis };
}

describe('a scorecard evaluation kept while the data is unchanged', () => {
  it('is answered again, unchanged, until something is written', async () => {
    const t = await setUp(1);
    const kpi = t.kpis[0] as Kpi;
    await t.call('value.set', { kpiId: kpi.id, period: '2026-11', value: 95 });
    const first = await t.call('scorecard.evaluate', { id: t.scorecard.id, view: VIEW });
    const again = await t.call('scorecard.evaluate', { id: t.scorecard.id, view: VIEW });
    expect(again).toBe(first);
    // Another sparkline length or period is another evaluation.
    const shorter = await t.call('scorecard.evaluate', {
      id: t.scorecard.id,
      view: VIEW,
      sparklineLength: 2,
    });
    expect(shorter).not.toBe(first);
    expect(shorter.perspectives[0]?.objectives[0]?.kpis[0]?.evaluation.sparkline).toHaveLength(2);
  });

  it('is the one kept for the default period when that period is named', async () => {
    const t = await setUp(2);
    for (const kpi of t.kpis)
      for (const period of ['2026-10', '2026-11'])
        await t.call('value.set', { kpiId: kpi.id, period, value: 95 });
    const opened = await t.call('scorecard.evaluate', { id: t.scorecard.id, view: VIEW });
    expect(opened.period).toBe('2026-11');
    // The dashboard (and the page after a reload) name the period shown.
    const named = await t.call('scorecard.evaluate', {
      id: t.scorecard.id,
      view: VIEW,
      period: '2026-11',
    });
    expect(named).toBe(opened);
    const other = await t.call('scorecard.evaluate', {
      id: t.scorecard.id,
      view: VIEW,
      period: '2026-10',
    });
    expect(other.period).toBe('2026-10');
    // A value for a later period moves the default once two KPIs have it, and nothing kept
    // for the old default answers the call without a period.
    for (const kpi of t.kpis)
      await t.call('value.set', { kpiId: kpi.id, period: '2026-12', value: 90 });
    const moved = await t.call('scorecard.evaluate', { id: t.scorecard.id, view: VIEW });
    expect(moved.period).toBe('2026-12');
    expect(moved.perspectives[0]?.objectives[0]?.kpis[0]?.evaluation.value).toBe(90);
  });

  it('shows a value typed at once, with its status', async () => {
    const t = await setUp(1);
    const kpi = t.kpis[0] as Kpi;
    await t.call('value.set', { kpiId: kpi.id, period: '2026-11', value: 95 });
    const row = async () =>
      (await t.call('scorecard.evaluate', { id: t.scorecard.id, view: VIEW })).perspectives[0]
        ?.objectives[0]?.kpis[0]?.evaluation;
    expect(await row()).toMatchObject({ value: 95, status: 'at_risk' });
    await t.call('value.set', { kpiId: kpi.id, period: '2026-11', value: 120 });
    expect(await row()).toMatchObject({ value: 120, status: 'on_track' });
    await t.call('kpi.update', { id: kpi.id, patch: { target: 200 } });
    expect(await row()).toMatchObject({ value: 120, target: 200, status: 'off_track' });
  });

  it('gives the dashboard what it computes itself', async () => {
    const t = await setUp(3);
    for (const [i, kpi] of t.kpis.entries())
      for (const [p, period] of ['2026-09', '2026-10', '2026-11'].entries())
        await t.call('value.set', { kpiId: kpi.id, period, value: 80 + 15 * i + 7 * p });
    const input = { scorecardId: t.scorecard.id, view: VIEW, timeZone: 'UTC' };
    // Nothing kept yet: the dashboard evaluates for itself, and keeps it (its transaction only reads).
    const alone = await t.call('dashboard.get', input);
    // The scorecard view's evaluation kept first, then read by the dashboard.
    await t.call('scorecard.evaluate', { id: t.scorecard.id, view: VIEW });
    const reused = await t.call('dashboard.get', input);
    expect(reused).toEqual(alone);
    expect(reused.counts).toMatchObject({ on_track: 2, at_risk: 1, off_track: 0 });
  });

  it('cannot be changed by a caller', async () => {
    const t = await setUp(1);
    const view = await t.call('scorecard.evaluate', { id: t.scorecard.id, view: VIEW });
    const entry = view.perspectives[0]?.objectives[0]?.kpis[0];
    expect(() => {
      (entry as { evaluation: { value: number | null } }).evaluation.value = 1;
    }).toThrow(TypeError);
    expect(() => view.availablePeriods.push('2030-01')).toThrow(TypeError);
  });

  it('equals an evaluation computed afresh after any writes', async () => {
    const t = await setUp(3);
    const periods = Array.from({ length: 14 }, (_, i) => shiftPeriod('monthly', '2025-11', i));
    const write = fc.oneof(
      fc.record({
        kind: fc.constant('value' as const),
        kpi: fc.nat({ max: 2 }),
        period: fc.constantFrom(...periods),
        value: fc.integer({ min: 0, max: 200 }),
      }),
      fc.record({
        kind: fc.constant('target' as const),
        kpi: fc.nat({ max: 2 }),
        target: fc.integer({ min: 1, max: 200 }),
      }),
      fc.record({
        kind: fc.constant('delete' as const),
        kpi: fc.nat({ max: 2 }),
        period: fc.constantFrom(...periods),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(write, { minLength: 1, maxLength: 6 }),
        fc.option(fc.constantFrom(...periods), { nil: undefined }),
        async (writes, period) => {
          const input = { id: t.scorecard.id, view: VIEW, period, sparklineLength: 12 };
          for (const step of writes) {
            const kpi = t.kpis[step.kpi] as Kpi;
            // A value there to delete.
            if (step.kind === 'delete')
              await t.call('value.set', { kpiId: kpi.id, period: step.period, value: 150 });
            // Read before the write: the kept answer must not survive it.
            await t.call('scorecard.evaluate', input);
            if (step.kind === 'value')
              await t.call('value.set', { kpiId: kpi.id, period: step.period, value: step.value });
            else if (step.kind === 'target')
              await t.call('kpi.update', { id: kpi.id, patch: { target: step.target } });
            else await t.call('value.delete', { kpiId: kpi.id, period: step.period });
            const kept = await t.call('scorecard.evaluate', input);
            // The file opened again: a new connection keeps nothing, so this one is computed.
            await t.call('workspace.close', {});
            await t.call('workspace.open', { path: t.workspace.path });
            const fresh = await t.call('scorecard.evaluate', input);
            expect(fresh).not.toBe(kept);
            expect(kept).toEqual(fresh);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
