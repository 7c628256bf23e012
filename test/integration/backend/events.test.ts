import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServerEvent } from '@shared/api/events';
import { CHANGE_ENTITIES } from '@shared/domain/entities';
import { applyImport, dryRun, writeFile } from '../import/helpers';
import { makeBackend, withScorecard } from './helpers';

// The backend says what a call changed (from what it wrote to the change log) and when another
// workspace opens; reads say nothing.

describe('server events', () => {
  it('announces the kinds of entity a write touched, and nothing for a read or a refused write', async () => {
    const t = await withScorecard();
    const events: ServerEvent[] = [];
    t.backend.subscribe((event) => events.push(event));

    const kpi = await t.call('kpi.create', { objectiveId: t.objective.id, name: 'Revenue' });
    expect(events).toEqual([
      { name: 'changed', payload: { entities: ['kpi'], scorecardIds: [t.scorecard.id] } },
    ]);

    events.length = 0;
    await t.call('value.set', { kpiId: kpi.id, period: '2026-01', value: 5 });
    expect(events).toEqual([
      { name: 'changed', payload: { entities: ['value'], scorecardIds: [t.scorecard.id] } },
    ]);

    events.length = 0;
    await t.call('value.list', { kpiIds: [kpi.id] });
    await t.fail('value.set', { kpiId: kpi.id, period: '2026-13', value: 5 });
    expect(events).toEqual([]);
  });

  it('names the scorecards a write changes: its own, those following it by formula, those above', async () => {
    const t = await withScorecard();
    const team = await t.call('scorecard.create', { name: 'Team', parentId: t.scorecard.id });
    const other = await t.call('scorecard.create', { name: 'Other' });
    const objectiveIn = async (cardId: string) => {
      const view = await t.call('scorecard.evaluate', { id: cardId });
      return t.call('objective.create', {
        perspectiveId: view.perspectives[0]?.perspective.id ?? '',
        name: 'Goal',
      });
    };
    const teamGoal = await objectiveIn(team.id);
    const otherGoal = await objectiveIn(other.id);
    const sales = await t.call('kpi.create', {
      objectiveId: teamGoal.id,
      name: 'Sales',
      code: 'sales',
    });
    const alone = await t.call('kpi.create', { objectiveId: otherGoal.id, name: 'Alone' });
    const events: ServerEvent[] = [];
    t.backend.subscribe((event) => events.push(event));
    const scorecardsOf = () =>
      events.flatMap((event) => (event.name === 'changed' ? [event.payload.scorecardIds] : []));

    await t.call('value.set', { kpiId: alone.id, period: '2026-01', value: 1 });
    expect(scorecardsOf()).toEqual([[other.id]]);

    // The team's value also moves its parent scorecard (cascaded scores).
    events.length = 0;
    await t.call('value.set', { kpiId: sales.id, period: '2026-01', value: 5 });
    expect(scorecardsOf()).toEqual([[t.scorecard.id, team.id].sort()]);

    // A formula in Other that reads Sales: Other follows Sales now.
    await t.call('kpi.create', { objectiveId: otherGoal.id, name: 'Double', formula: 'sales * 2' });
    events.length = 0;
    await t.call('value.set', { kpiId: sales.id, period: '2026-02', value: 6 });
    expect(scorecardsOf()).toEqual([[t.scorecard.id, team.id, other.id].sort()]);

    // A deleted objective still names its scorecard; a workspace setting names none.
    events.length = 0;
    const spare = await objectiveIn(other.id);
    await t.call('objective.delete', { id: spare.id });
    expect(scorecardsOf()).toEqual([[other.id], [other.id]]);
    events.length = 0;
    await t.call('workspace.rename', { name: 'Acme Ltd' });
    expect(scorecardsOf()).toEqual([null]);
  });

  it('follows a value through a roll-up and a formula into other scorecards, and no further', async () => {
    const t = await withScorecard();
    const goalIn = async (name: string) => {
      const card = await t.call('scorecard.create', { name });
      const view = await t.call('scorecard.evaluate', { id: card.id });
      const goal = await t.call('objective.create', {
        perspectiveId: view.perspectives[0]?.perspective.id ?? '',
        name: 'Goal',
      });
      return { card, goal };
    };
    const stores = await goalIn('Stores');
    const region = await goalIn('Region');
    // Region's total rolls up Stores' sales; the company's margin reads Region's total.
    const total = await t.call('kpi.create', {
      objectiveId: region.goal.id,
      name: 'Region total',
      code: 'region_total',
      aggregation: 'sum',
      rollup: 'sum',
    });
    const sales = await t.call('kpi.create', {
      objectiveId: stores.goal.id,
      parentKpiId: total.id,
      name: 'Store sales',
      aggregation: 'sum',
    });
    await t.call('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Margin',
      formula: 'region_total / 2',
    });
    // KPIs that nothing reads: they are not what a write to Store sales reaches.
    const plain: string[] = [];
    for (let i = 0; i < 30; i += 1)
      plain.push(
        (await t.call('kpi.create', { objectiveId: stores.goal.id, name: `Plain ${i}` })).id,
      );
    const events: ServerEvent[] = [];
    t.backend.subscribe((event) => events.push(event));
    const scorecardsOf = () =>
      events.flatMap((event) => (event.name === 'changed' ? [event.payload.scorecardIds] : []));

    await t.call('value.set', { kpiId: sales.id, period: '2026-01', value: 5 });
    expect(scorecardsOf()).toEqual([[t.scorecard.id, stores.card.id, region.card.id].sort()]);
    events.length = 0;
    await t.call('value.set', { kpiId: plain[7] ?? '', period: '2026-01', value: 5 });
    expect(scorecardsOf()).toEqual([[stores.card.id]]);
    events.length = 0;
    await t.call('value.set', { kpiId: total.id, period: '2026-01', value: 5 });
    expect(scorecardsOf()).toEqual([[t.scorecard.id, region.card.id].sort()]);
  });

  it('announces the values an import wrote on its worker thread once it is applied', async () => {
    const t = await withScorecard();
    await t.call('kpi.create', { objectiveId: t.objective.id, name: 'Revenue' });
    const events: ServerEvent[] = [];
    t.backend.subscribe((event) => events.push(event));
    const path = writeFile(t, 'values.csv', 'KPI,Period,Value\nRevenue,2026-01,5\n');
    const ready = await dryRun(t, path);
    expect(events.filter((event) => event.name === 'changed')).toEqual([]);
    await applyImport(t, ready.id);
    expect(events.filter((event) => event.name === 'changed')).toEqual([
      { name: 'changed', payload: { entities: ['value'], scorecardIds: [t.scorecard.id] } },
    ]);
  });

  it('announces a workspace switch', async () => {
    const t = await withScorecard();
    const events: ServerEvent[] = [];
    t.backend.subscribe((event) => events.push(event));
    await t.call('workspace.close', {});
    expect(events).toEqual([{ name: 'workspace', payload: { path: null } }]);
  });
});

describe('server events: a backup restored in place', () => {
  it('announces that anything may have changed, since the same file holds other data', async () => {
    let now = new Date('2026-03-02T09:00:00.000Z');
    const t = makeBackend({ now: () => now });
    const path = join(t.dir, 'Acme.kpis');
    await t.call('workspace.create', { name: 'Acme', path });
    await t.call('workspace.close', {});
    now = new Date('2026-03-03T08:00:00.000Z');
    await t.call('workspace.open', { path });
    const [daily] = await t.call('backup.list', {});
    const events: ServerEvent[] = [];
    t.backend.subscribe((event) => events.push(event));
    await t.call('backup.restore', { id: daily?.id ?? '' });
    expect(events).toEqual([
      {
        name: 'changed',
        payload: {
          entities: [...CHANGE_ENTITIES],
          scorecardIds: null,
        },
      },
    ]);
  });
});
