import { describe, expect, it } from 'vitest';
import { withScorecard } from './helpers';

// A KPI created without an aggregation gets the one its unit and name call for, and its
// quarter is what that aggregation gives; a stored aggregation is never changed by an edit.

describe('default aggregation through the API', () => {
  it('averages a new percent KPI in the quarter view and sums a new revenue KPI', async () => {
    const t = await withScorecard();
    const utilisation = await t.call('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Utilisation',
      unit: { format: 'percent' },
      target: 75,
    });
    const revenue = await t.call('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Revenue',
      unit: { format: 'currency', currency: 'EUR' },
    });
    const members = await t.call('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Loyalty club',
      unit: { format: 'number', suffix: 'members' },
    });
    expect([utilisation.aggregation, revenue.aggregation, members.aggregation]).toEqual([
      'average',
      'sum',
      'last',
    ]);
    await t.call('value.setMany', {
      entries: [
        { kpiId: utilisation.id, period: '2026-01', value: 70 },
        { kpiId: utilisation.id, period: '2026-02', value: 80 },
        { kpiId: utilisation.id, period: '2026-03', value: 78 },
        { kpiId: revenue.id, period: '2026-01', value: 100 },
        { kpiId: revenue.id, period: '2026-02', value: 200 },
        { kpiId: members.id, period: '2026-01', value: 1900 },
        { kpiId: members.id, period: '2026-03', value: 1968 },
      ],
    });
    const q1 = await t.call('scorecard.evaluate', {
      id: t.scorecard.id,
      view: { frequency: 'quarter', basis: 'calendar' },
      period: '2026-Q1',
    });
    const valueOf = (id: string) =>
      q1.perspectives
        .flatMap((p) => p.objectives.flatMap((o) => o.kpis))
        .find((entry) => entry.kpi.id === id)?.evaluation;
    expect(valueOf(utilisation.id)?.value).toBe(76);
    expect(valueOf(utilisation.id)?.target).toBe(75);
    expect(valueOf(utilisation.id)?.status).toBe('on_track');
    expect(valueOf(revenue.id)?.value).toBe(300);
    expect(valueOf(members.id)?.value).toBe(1968);
  });

  it('keeps a chosen or stored aggregation through edits of name and unit', async () => {
    const t = await withScorecard();
    const kpi = await t.call('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Visits',
      aggregation: 'sum',
    });
    const edited = await t.call('kpi.update', {
      id: kpi.id,
      patch: { name: 'Visit rate', unit: { format: 'percent', currency: null, suffix: '' } },
    });
    expect(edited.aggregation).toBe('sum');
  });
});
