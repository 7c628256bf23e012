import { describe, expect, it } from 'vitest';
import { useSyncServer } from './sync-server';
import { dumpBoth, dumpFile } from './files';
import { latecomer, pause, replayInPages, twoLaptops } from './two-laptops';

// What each laptop allowed alone but two laptops together break: two records claiming one
// unique name (the same KPI code, the same link between two objectives, the same finding
// dismissed) and a loop of parents. Settled the same way on every laptop, a laptop joining
// later included, with the files then equal table by table and history by history.

const server = useSyncServer({
  roles: 'CREATE ROLE alice LOGIN; CREATE ROLE bob LOGIN; CREATE ROLE carol LOGIN;',
});

describe('records made on two laptops that clash', () => {
  it('settles the same KPI code, the same link and the same finding dismissed on two laptops', async () => {
    const { a, b, sync, other } = await twoLaptops(server, 'unique');
    const key = (await a.call('health.check', {})).findings[0]?.key ?? '';
    // Offline, both make a KPI named Churn (code churn) with values, the same link, and
    // dismiss the same finding; Alice first.
    const mine = await a.call('kpi.create', { objectiveId: a.objective.id, name: 'Churn' });
    await a.call('value.set', { kpiId: mine.id, period: '2026-01', value: 4 });
    const myLink = await a.call('link.create', {
      fromObjectiveId: a.objective.id,
      toObjectiveId: other.id,
      label: 'mine',
    });
    await a.call('health.dismiss', { key, reason: 'Alice knows' });
    await pause();
    const theirs = await b.call('kpi.create', { objectiveId: a.objective.id, name: 'Churn' });
    expect(theirs.code).toBe('churn');
    await b.call('value.set', { kpiId: theirs.id, period: '2026-01', value: 7 });
    await b.call('link.create', {
      fromObjectiveId: a.objective.id,
      toObjectiveId: other.id,
      label: 'theirs',
    });
    await b.call('health.dismiss', { key, reason: 'Bob knows' });

    await sync.a();
    await sync.b();
    await sync.a();
    await sync.b();
    const [left, right] = await dumpBoth(a, b);
    expect(right.tables).toEqual(left.tables);
    expect(right.history).toEqual(left.history);
    // A laptop joining afterwards, folding it all at once, comes to the same file.
    const c = await latecomer(server, 'unique');
    const [late] = await dumpBoth(c, a);
    expect(late.tables).toEqual(left.tables);
    expect(late.history).toEqual(left.history);
    // And so does the history applied a few events at a time, in any page split.
    for (const size of [1, 2, 5])
      expect(dumpFile(await replayInPages(server, 'unique', size)).tables).toEqual(left.tables);

    for (const t of [a, b, c]) {
      // Both KPIs and all their values stay; the older keeps the code, the other gives way.
      const kpis = await t.call('kpi.list', {});
      expect(
        kpis
          .filter((k) => k.name === 'Churn')
          .map((k) => [k.id, k.code])
          .sort(),
      ).toEqual(
        [
          [mine.id, 'churn'],
          [theirs.id, 'churn_2'],
        ].sort(),
      );
      const values = await t.call('value.list', { kpiIds: [mine.id, theirs.id] });
      expect(values.map((v) => [v.kpiId, v.value]).sort()).toEqual(
        [
          [mine.id, 4],
          [theirs.id, 7],
        ].sort(),
      );
      // One link and one dismissal: the older; the other is in the history.
      expect((await t.call('link.list', {})).map((l) => [l.id, l.label])).toEqual([
        [myLink.id, 'mine'],
      ]);
      const health = await t.call('health.check', {});
      expect(health.dismissed.map((d) => d.dismissal.reason)).toEqual(['Alice knows']);
      // The renamed KPI is listed for review with both codes; what went has nothing to edit.
      const conflicts = await t.call('sync.conflicts', {});
      expect(conflicts.map((c) => [c.entity, c.entityId])).toEqual([['kpi', theirs.id]]);
      expect(
        conflicts[0]?.sides.map((side) => (side.value as { code: string }).code).sort(),
      ).toEqual(['churn', 'churn_2']);
    }
    const linkHistory = left.history.filter(
      (entry) => (entry as { entity: string }).entity === 'objective_link',
    );
    expect(linkHistory.map((entry) => (entry as { operation: string }).operation).sort()).toEqual(
      expect.arrayContaining(['insert', 'insert', 'delete']),
    );

    // An edit of the renamed KPI settles its review on both.
    await b.call('kpi.update', { id: theirs.id, patch: { code: 'churn_bob' } });
    await sync.b();
    await sync.a();
    for (const t of [a, b]) {
      expect(await t.call('sync.conflicts', {})).toEqual([]);
      expect((await t.call('kpi.list', {})).find((k) => k.id === theirs.id)?.code).toBe(
        'churn_bob',
      );
    }
  });

  it('breaks a loop of parents made on two laptops by detaching the one hung last', async () => {
    const { a, b, sync, revenue, costs } = await twoLaptops(server, 'loops');
    const region = await a.call('scorecard.create', { name: 'Region' });
    await sync.a();
    await sync.b();
    // Alice hangs Costs under Revenue and Region under Company; Bob, offline and later, the
    // other way round. Each was allowed where it was made.
    await a.call('kpi.setParent', { id: costs.id, parentKpiId: revenue.id });
    await a.call('scorecard.update', { id: region.id, parentId: a.scorecard.id });
    await pause();
    await b.call('kpi.setParent', { id: revenue.id, parentKpiId: costs.id });
    await b.call('scorecard.update', { id: a.scorecard.id, parentId: region.id });

    await sync.a();
    await sync.b();
    await sync.a();
    await sync.b();
    const [left, right] = await dumpBoth(a, b);
    expect(right.tables).toEqual(left.tables);
    expect(right.history).toEqual(left.history);
    const c = await latecomer(server, 'loops');
    const [late] = await dumpBoth(c, a);
    expect(late.tables).toEqual(left.tables);
    expect(late.history).toEqual(left.history);
    for (const size of [1, 2, 5])
      expect(dumpFile(await replayInPages(server, 'loops', size)).tables).toEqual(left.tables);
    for (const t of [a, b, c]) {
      const kpis = await t.call('kpi.list', {});
      expect(kpis.map((k) => [k.name, k.parentKpiId]).sort()).toEqual([
        ['Costs', revenue.id],
        ['Revenue', null],
      ]);
      const cards = await t.call('scorecard.list', {});
      expect(cards.map((c) => [c.name, c.parentId]).sort()).toEqual([
        ['Company', null],
        ['Region', a.scorecard.id],
      ]);
      const review = (await t.call('sync.conflicts', {})).map((c) => [c.entity, c.entityId]);
      expect(review.sort()).toEqual(
        [
          ['kpi', revenue.id],
          ['scorecard', a.scorecard.id],
        ].sort(),
      );
    }
  });
});
