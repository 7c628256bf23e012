import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withScorecard } from './helpers';

// The scorecard tree, perspectives and objectives: order, moves, cascades, and the change log.

describe('scorecards, perspectives and objectives', () => {
  it('gives a new scorecard the four balanced-scorecard perspectives', async () => {
    const t = await withScorecard();
    const view = await t.call('scorecard.evaluate', { id: t.scorecard.id });
    expect(view.perspectives.map((p) => [p.perspective.name, p.perspective.weight])).toEqual([
      ['Financial', 1],
      ['Customer', 1],
      ['Internal Process', 1],
      ['Learning & Growth', 1],
    ]);
  });

  it('lists the tree depth first and refuses to move a scorecard under its own descendant', async () => {
    const t = await withScorecard();
    const sales = await t.call('scorecard.create', { name: 'Sales', parentId: t.scorecard.id });
    const north = await t.call('scorecard.create', { name: 'North team', parentId: sales.id });
    const hr = await t.call('scorecard.create', { name: 'HR', parentId: t.scorecard.id });
    expect((await t.call('scorecard.list', {})).map((s) => s.name)).toEqual([
      'Company',
      'Sales',
      'North team',
      'HR',
    ]);

    const cycle = await t.fail('scorecard.update', { id: t.scorecard.id, parentId: north.id });
    expect(cycle).toMatchObject({
      code: 'CONFLICT',
      field: 'parentId',
      message: '"Company" cannot be moved under "North team", which is inside "Company".',
    });
    const self = await t.fail('scorecard.update', { id: sales.id, parentId: sales.id });
    expect(self.message).toBe('"Sales" cannot be placed under itself.');

    const moved = await t.call('scorecard.update', {
      id: north.id,
      parentId: hr.id,
      name: 'North',
    });
    expect(moved).toMatchObject({ parentId: hr.id, name: 'North', position: 0 });
    const top = await t.call('scorecard.update', { id: hr.id, parentId: null });
    expect(top).toMatchObject({ parentId: null, position: 1 });
  });

  it('adds, renames, weights and reorders perspectives, refusing an order that is not exactly theirs', async () => {
    const t = await withScorecard();
    const added = await t.call('perspective.create', {
      scorecardId: t.scorecard.id,
      name: 'Community',
      weight: 2,
    });
    expect(added).toMatchObject({ position: 4, weight: 2 });
    const renamed = await t.call('perspective.update', {
      id: added.id,
      name: 'Society',
      weight: 0.5,
    });
    expect(renamed).toMatchObject({ name: 'Society', weight: 0.5 });

    const ids = [...t.perspectiveIds, added.id];
    const reversed = [...ids].reverse();
    const ordered = await t.call('perspective.reorder', {
      scorecardId: t.scorecard.id,
      orderedIds: reversed,
    });
    expect(ordered.map((p) => p.id)).toEqual(reversed);
    expect(ordered.map((p) => p.position)).toEqual([0, 1, 2, 3, 4]);

    const short = await t.fail('perspective.reorder', {
      scorecardId: t.scorecard.id,
      orderedIds: ids.slice(1),
    });
    expect(short).toMatchObject({ code: 'VALIDATION', field: 'orderedIds' });
    expect(short.message).toContain('lists 4 of the 5 perspectives');
    const twice = await t.fail('perspective.reorder', {
      scorecardId: t.scorecard.id,
      orderedIds: [...ids.slice(1), ids[1] ?? ''],
    });
    expect(twice).toMatchObject({ code: 'VALIDATION', field: 'orderedIds.4' });
    const other = await t.call('scorecard.create', { name: 'Other' });
    const otherView = await t.call('scorecard.evaluate', { id: other.id });
    const foreign = await t.fail('perspective.reorder', {
      scorecardId: t.scorecard.id,
      orderedIds: [...ids.slice(1), otherView.perspectives[0]?.perspective.id ?? ''],
    });
    expect(foreign).toMatchObject({ code: 'VALIDATION', field: 'orderedIds.4' });
    const view = await t.call('scorecard.evaluate', { id: t.scorecard.id });
    expect(view.perspectives.map((p) => p.perspective.id)).toEqual(reversed);
  });

  it('creates, updates, moves and reorders objectives', async () => {
    const t = await withScorecard();
    const [financial = '', customer = ''] = t.perspectiveIds;
    const second = await t.call('objective.create', {
      perspectiveId: financial,
      name: 'Cut costs',
      weight: 3,
    });
    expect(second).toMatchObject({ position: 1, weight: 3, description: '' });
    const reordered = await t.call('objective.reorder', {
      perspectiveId: financial,
      orderedIds: [second.id, t.objective.id],
    });
    expect(reordered.map((o) => o.name)).toEqual(['Cut costs', 'Grow revenue']);
    const moved = await t.call('objective.update', {
      id: second.id,
      perspectiveId: customer,
      description: 'Fewer suppliers',
    });
    expect(moved).toMatchObject({
      perspectiveId: customer,
      position: 0,
      description: 'Fewer suppliers',
    });
  });

  it('deletes down the tree: scorecard → children, perspectives, objectives, KPIs, values', async () => {
    const t = await withScorecard();
    const kpi = await t.call('kpi.create', { objectiveId: t.objective.id, name: 'Revenue' });
    await t.call('value.set', { kpiId: kpi.id, period: '2026-01', value: 1 });
    const child = await t.call('scorecard.create', { name: 'Team', parentId: t.scorecard.id });
    const keep = await t.call('scorecard.create', { name: 'Keep' });
    const keepView = await t.call('scorecard.evaluate', { id: keep.id });
    const keepObjective = await t.call('objective.create', {
      perspectiveId: keepView.perspectives[0]?.perspective.id ?? '',
      name: 'Stay',
    });
    const keepKpi = await t.call('kpi.create', { objectiveId: keepObjective.id, name: 'Kept' });
    await t.call('kpi.setParent', { id: keepKpi.id, parentKpiId: kpi.id });

    await t.call('scorecard.delete', { id: t.scorecard.id });
    expect((await t.call('scorecard.list', {})).map((s) => s.name)).toEqual(['Keep']);
    expect((await t.fail('scorecard.evaluate', { id: child.id })).code).toBe('NOT_FOUND');
    expect((await t.call('kpi.list', {})).map((k) => [k.name, k.parentKpiId])).toEqual([
      ['Kept', null],
    ]);
    expect(await t.call('value.list', {})).toEqual([]);
  });

  it('deletes a perspective with its objectives and KPIs, and an objective with its KPIs', async () => {
    const t = await withScorecard();
    await t.call('kpi.create', { objectiveId: t.objective.id, name: 'Revenue' });
    const customer = t.perspectiveIds[1] ?? '';
    const happy = await t.call('objective.create', { perspectiveId: customer, name: 'Happy' });
    await t.call('kpi.create', { objectiveId: happy.id, name: 'NPS' });
    await t.call('perspective.delete', { id: t.perspectiveIds[0] ?? '' });
    expect((await t.call('kpi.list', {})).map((k) => k.name)).toEqual(['NPS']);
    await t.call('objective.delete', { id: happy.id });
    expect(await t.call('kpi.list', {})).toEqual([]);
    const view = await t.call('scorecard.evaluate', { id: t.scorecard.id });
    expect(view.perspectives.map((p) => p.perspective.name)).toEqual([
      'Customer',
      'Internal Process',
      'Learning & Growth',
    ]);
  });

  it('logs definition changes and refuses to update or delete the change log', async () => {
    const t = await withScorecard();
    const kpi = await t.call('kpi.create', { objectiveId: t.objective.id, name: 'Revenue' });
    await t.call('kpi.update', { id: kpi.id, patch: { owner: 'Ana' } });
    await t.call('kpi.delete', { id: kpi.id });
    await t.call('workspace.close', {});

    const db = new Database(t.workspace.path);
    const log = db
      .prepare("SELECT entity, operation FROM change_log WHERE entity <> 'perspective' ORDER BY id")
      .all();
    expect(log).toEqual([
      { entity: 'scorecard', operation: 'insert' },
      { entity: 'objective', operation: 'insert' },
      { entity: 'kpi', operation: 'insert' },
      { entity: 'kpi', operation: 'update' },
      { entity: 'kpi', operation: 'delete' },
    ]);
    expect(() => db.exec("UPDATE change_log SET operation = 'insert'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM change_log')).toThrow(/append-only/);
    expect(db.prepare('SELECT count(*) AS n FROM change_log').get()).toEqual({ n: 9 });
    db.close();
  });
});
