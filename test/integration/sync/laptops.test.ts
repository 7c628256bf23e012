import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '@shared/sync/hlc';
import { openSpace, pushEvents } from '../../../electron/backend/sync/remote';
import { connect } from '../../../electron/backend/sync/server';
import { makeBackend, withScorecard, type TestBackend } from '../backend/helpers';
import { psql } from '../../fixtures/postgres';
import { useSyncServer } from './sync-server';

// Laptops working offline on their own files and meeting on a real PostgreSQL: after syncs in
// any order they hold the same values and the same history; the same value edited on two is
// won by the newer edit, the other kept in the history and listed for review; resolving it
// writes a new change that settles it everywhere.

const server = useSyncServer({
  roles:
    'CREATE ROLE alice LOGIN; CREATE ROLE bob LOGIN; CREATE ROLE carol LOGIN; CREATE ROLE vic LOGIN;',
});

const pause = () => new Promise((done) => setTimeout(done, 5));

/** How many events the server holds for a space (those matching `where`), as psql prints it. */
function serverEvents(space: string, where = 'true'): string {
  return psql(
    server,
    `SELECT count(*) FROM kpis.events e JOIN kpis.spaces s ON s.id = e.space_id
     WHERE s.name = '${space}' AND ${where}`,
  ).trim();
}

/** Every value of the workspace and every value's history, as comparable data. */
async function snapshot(t: TestBackend) {
  const kpis = await t.call('kpi.list', {});
  const values = await t.call('value.list', {});
  const history = await Promise.all(
    kpis.map(async (kpi) =>
      (await t.call('value.history', { kpiId: kpi.id })).map((e) => e.id).sort(),
    ),
  );
  return {
    kpis: kpis.map((k) => [k.id, k.name, k.target]).sort(),
    values: values.map((v) => [v.kpiId, v.period, v.value, v.comment]).sort(),
    history,
  };
}

async function joinAs(user: string, space: string): Promise<TestBackend> {
  const t = makeBackend();
  await t.call('sync.join', { url: server.urlFor(user), space, path: join(t.dir, `${user}.kpis`) });
  return t;
}

describe('laptops that work offline and converge', () => {
  it('two laptops: offline edits on both, the same value on both, then equal files', async () => {
    const a = await withScorecard();
    const revenue = await a.call('kpi.create', {
      objectiveId: a.objective.id,
      name: 'Revenue',
      target: 100,
    });
    await a.call('value.set', { kpiId: revenue.id, period: '2026-01', value: 90 });
    await a.call('value.set', { kpiId: revenue.id, period: '2026-02', value: 95 });
    const shared = await a.call('sync.share', { url: server.urlFor('alice'), space: 'two' });
    expect(shared).toMatchObject({ role: 'owner', received: 0, waiting: 0, conflicts: 0 });
    expect(shared.sent).toBeGreaterThan(5);
    await a.call('sync.setMember', {
      url: server.urlFor('alice'),
      space: 'two',
      member: 'bob',
      role: 'editor',
    });
    const b = await joinAs('bob', 'two');
    expect(await snapshot(b)).toEqual(await snapshot(a));
    expect((await b.call('workspace.current', {}))?.name).toBe('Acme');

    // Offline: each edits, and both edit March; Bob's edit is the later one.
    await a.call('value.set', { kpiId: revenue.id, period: '2026-03', value: 100 });
    await a.call('kpi.update', { id: revenue.id, patch: { name: 'Net revenue' } });
    await pause();
    await b.call('value.set', { kpiId: revenue.id, period: '2026-03', value: 120 });
    await b.call('kpi.update', { id: revenue.id, patch: { target: 110 } });
    await b.call('value.set', { kpiId: revenue.id, period: '2026-04', value: 101 });

    await a.call('sync.run', { url: server.urlFor('alice') });
    await b.call('sync.run', { url: server.urlFor('bob') });
    const again = await a.call('sync.run', { url: server.urlFor('alice') });
    expect(again).toMatchObject({ waiting: 0, conflicts: 1 });

    const left = await snapshot(a);
    expect(left).toEqual(await snapshot(b));
    // Per value the newest wins; the KPI merged field by field.
    expect(left.values).toContainEqual([revenue.id, '2026-03', 120, '']);
    expect(left.kpis).toEqual([[revenue.id, 'Net revenue', 110]]);
    // The losing 100 stays in March's history on both.
    const march = await a.call('value.history', { kpiId: revenue.id, period: '2026-03' });
    expect(march.map((e) => (e.newValue as { value: number } | null)?.value).sort()).toEqual([
      100, 120,
    ]);

    for (const t of [a, b]) {
      const conflicts = await t.call('sync.conflicts', {});
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]?.entityId).toBe(`${revenue.id}/2026-03`);
      const sides = conflicts[0]?.sides.map((s) => [
        (s.value as { value: number }).value,
        s.author,
        s.current,
      ]);
      expect(sides?.sort()).toEqual([
        [100, 'alice', false],
        [120, 'bob', true],
      ]);
    }

    // Alice settles March at 115: a new change, and the conflict is gone on both.
    await a.call('value.set', { kpiId: revenue.id, period: '2026-03', value: 115 });
    expect(await a.call('sync.run', { url: server.urlFor('alice') })).toMatchObject({
      conflicts: 0,
    });
    expect(await b.call('sync.run', { url: server.urlFor('bob') })).toMatchObject({
      conflicts: 0,
      received: 1,
    });
    expect(await snapshot(b)).toEqual(await snapshot(a));
    expect(
      (
        await b.call('value.list', {
          kpiIds: [revenue.id],
          fromPeriod: '2026-03',
          toPeriod: '2026-03',
        })
      )[0]?.value,
    ).toBe(115);
    expect(await b.call('sync.status', {})).toMatchObject({
      space: 'two',
      waiting: 0,
      conflicts: 0,
      lastError: null,
    });
  });

  it('three laptops converge, deletes follow the rule, and a viewer and a non-member are refused', async () => {
    const a = await withScorecard();
    const sales = await a.call('kpi.create', { objectiveId: a.objective.id, name: 'Sales' });
    const costs = await a.call('kpi.create', { objectiveId: a.objective.id, name: 'Costs' });
    await a.call('sync.share', { url: server.urlFor('alice'), space: 'three' });
    const owner = { url: server.urlFor('alice'), space: 'three' };
    await a.call('sync.setMember', { ...owner, member: 'bob', role: 'editor' });
    await a.call('sync.setMember', { ...owner, member: 'carol', role: 'editor' });
    await a.call('sync.setMember', { ...owner, member: 'vic', role: 'viewer' });
    const b = await joinAs('bob', 'three');
    const c = await joinAs('carol', 'three');

    await a.call('value.set', { kpiId: sales.id, period: '2026-01', value: 1 });
    await b.call('value.set', { kpiId: sales.id, period: '2026-02', value: 2 });
    await c.call('value.set', { kpiId: sales.id, period: '2026-03', value: 3 });
    // Carol deletes Costs while Bob, offline, still gives it a value: the delete wins.
    await c.call('kpi.delete', { id: costs.id });
    await b.call('value.set', { kpiId: costs.id, period: '2026-01', value: 7 });

    for (const [t, user] of [
      [a, 'alice'],
      [b, 'bob'],
      [c, 'carol'],
      [a, 'alice'],
      [b, 'bob'],
    ] as const)
      await t.call('sync.run', { url: server.urlFor(user) });
    const one = await snapshot(a);
    expect(await snapshot(b)).toEqual(one);
    expect(await snapshot(c)).toEqual(one);
    expect(one.kpis.map((k) => k[1])).toEqual(['Sales']);
    expect(one.values).toEqual([
      [sales.id, '2026-01', 1, ''],
      [sales.id, '2026-02', 2, ''],
      [sales.id, '2026-03', 3, ''],
    ]);

    // A viewer reads everything but cannot send; its edit waits in its outbox.
    const v = await joinAs('vic', 'three');
    expect(await snapshot(v)).toEqual(one);
    await v.call('value.set', { kpiId: sales.id, period: '2026-04', value: 4 });
    const onServer = serverEvents('three');
    const refused = await v.fail('sync.run', { url: server.urlFor('vic') });
    expect(refused).toMatchObject({ code: 'SYNC_REFUSED' });
    expect(refused.message).toMatch(/viewer of "three": your 1 change\(s\) cannot be sent/u);
    expect(await v.call('sync.status', {})).toMatchObject({ waiting: 1 });
    // Nothing of it reached the server; the viewer's file keeps the edit; the others never see it.
    expect(serverEvents('three')).toEqual(onServer);
    expect(serverEvents('three', "author = 'vic'")).toBe('0');
    expect((await snapshot(v)).values).toContainEqual([sales.id, '2026-04', 4, '']);
    await a.call('sync.run', { url: server.urlFor('alice') });
    expect(await snapshot(a)).toEqual(one);

    // A non-member gets no file at all.
    const stranger = makeBackend();
    const path = join(stranger.dir, 'eve.kpis');
    psql(server, 'CREATE ROLE eve LOGIN');
    const error = await stranger.fail('sync.join', {
      url: server.urlFor('eve'),
      space: 'three',
      path,
    });
    expect(error).toMatchObject({
      code: 'SYNC_REFUSED',
      message: 'eve is not a member of the space "three".',
    });
    const { existsSync } = await import('node:fs');
    expect(existsSync(path)).toBe(false);

    expect(serverEvents('three', "author = 'eve'")).toBe('0');

    // Removing a member stops their next sync: their edit stays in their outbox, not on the
    // server, and what the others send after does not reach them.
    await a.call('sync.setMember', { ...owner, member: 'carol', role: null });
    await c.call('value.set', { kpiId: sales.id, period: '2026-05', value: 5 });
    await a.call('value.set', { kpiId: sales.id, period: '2026-06', value: 6 });
    await a.call('sync.run', { url: server.urlFor('alice') });
    const beforeCarol = serverEvents('three');
    expect(await c.fail('sync.run', { url: server.urlFor('carol') })).toMatchObject({
      code: 'SYNC_REFUSED',
      message: 'carol is not a member of the space "three".',
    });
    expect(serverEvents('three')).toEqual(beforeCarol);
    const carols = await snapshot(c);
    expect(carols.values).toContainEqual([sales.id, '2026-05', 5, '']);
    expect(carols.values).not.toContainEqual([sales.id, '2026-06', 6, '']);
    expect(await c.call('sync.status', {})).toMatchObject({ waiting: 1 });
  });

  it('refuses events of a kind from a newer app, applying nothing and keeping the outbox', async () => {
    const a = await withScorecard();
    const kpi = await a.call('kpi.create', { objectiveId: a.objective.id, name: 'Visits' });
    await a.call('sync.share', { url: server.urlFor('alice'), space: 'newer' });
    const before = await snapshot(a);
    await a.call('value.set', { kpiId: kpi.id, period: '2026-05', value: 5 });
    const client = await connect(server.urlFor('alice'));
    const { spaceId } = await openSpace(client, 'newer');
    await pushEvents(client, spaceId, [
      {
        id: '0190c0de-0000-7000-8000-00000000feed',
        entity: 'forecast',
        entityId: 'f1',
        operation: 'insert',
        oldValue: null,
        newValue: '{}',
        at: '2030-01-01T00:00:00.000Z',
        deviceId: 'future',
        hlc: formatHlc({ wall: Date.parse('2030-01-01'), counter: 0, device: 'future' }),
        base: '[]',
      },
    ]);
    await client.end();
    const error = await a.fail('sync.run', { url: server.urlFor('alice') });
    expect(error).toMatchObject({ code: 'SYNC_REFUSED' });
    expect(error.message).toMatch(
      /changes of a kind this version of KPI Scorecard does not know \(forecast\): update the app/u,
    );
    expect(await a.call('sync.status', {})).toMatchObject({ waiting: 1, lastError: error.message });
    // Nothing of the page applied: the history is what it was plus the local edit.
    const after = await snapshot(a);
    expect(after.kpis).toEqual(before.kpis);
    expect(after.values).toEqual([[kpi.id, '2026-05', 5, '']]);
  });
});
