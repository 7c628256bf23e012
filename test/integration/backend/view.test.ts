import { describe, expect, it } from 'vitest';
import { withScorecard } from './helpers';

// scorecard.view: what the scorecard screen shows — latest value, target and status per KPI.

describe('scorecard.view', () => {
  it('shows each KPI with its latest value, target and status, in position order', async () => {
    const t = await withScorecard();
    const objectiveId = t.objective.id;
    const revenue = await t.call('kpi.create', { objectiveId, name: 'Revenue', target: 100 });
    const cost = await t.call('kpi.create', {
      objectiveId,
      name: 'Cost per lead',
      direction: 'lower_is_better',
      target: 50,
      thresholds: { mode: 'absolute', onTrack: 50, atRisk: 60 },
    });
    const stock = await t.call('kpi.create', {
      objectiveId,
      name: 'Stock days',
      direction: 'within_range',
      targetMin: 10,
      targetMax: 20,
    });
    const nps = await t.call('kpi.create', {
      objectiveId,
      name: 'NPS',
      target: 40,
      frequency: 'quarterly',
    });
    await t.call('kpi.create', { objectiveId, name: 'Not measured yet', target: 1 });

    // Entered out of order: the latest is the greatest period, not the last typed.
    await t.call('value.set', { kpiId: revenue.id, period: '2026-03', value: 95 });
    await t.call('value.set', { kpiId: revenue.id, period: '2026-01', value: 200 });
    await t.call('value.set', { kpiId: cost.id, period: '2026-03', value: 70 });
    await t.call('value.set', { kpiId: stock.id, period: '2026-03', value: 15 });
    await t.call('value.set', { kpiId: nps.id, period: '2025-Q4', value: 10 });
    await t.call('value.set', { kpiId: nps.id, period: '2026-Q1', value: 45 });

    const view = await t.call('scorecard.view', { id: t.scorecard.id });
    expect(view.scorecard.name).toBe('Company');
    const [financial] = view.perspectives;
    expect(financial?.objectives.map((o) => o.objective.name)).toEqual(['Grow revenue']);
    const rows = financial?.objectives[0]?.kpis.map((k) => [
      k.kpi.name,
      k.latest?.period ?? null,
      k.latest?.value ?? null,
      k.target,
      k.status,
    ]);
    expect(rows).toEqual([
      ['Revenue', '2026-03', 95, 100, 'at_risk'],
      ['Cost per lead', '2026-03', 70, 50, 'off_track'],
      ['Stock days', '2026-03', 15, null, 'on_track'],
      ['NPS', '2026-Q1', 45, 40, 'on_track'],
      ['Not measured yet', null, null, 1, 'no_data'],
    ]);
    expect(view.perspectives.slice(1).every((p) => p.objectives.length === 0)).toBe(true);

    // A new value changes the status at once.
    await t.call('value.set', { kpiId: revenue.id, period: '2026-04', value: 80 });
    const after = await t.call('scorecard.view', { id: t.scorecard.id });
    expect(after.perspectives[0]?.objectives[0]?.kpis[0]?.status).toBe('off_track');
  });

  it('answers NOT_FOUND for a scorecard that does not exist', async () => {
    const t = await withScorecard();
    const id = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    expect(await t.fail('scorecard.view', { id })).toMatchObject({
      code: 'NOT_FOUND',
      message: `No scorecard with id ${id} in this workspace.`,
    });
  });
});
