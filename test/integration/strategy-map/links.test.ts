import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServerEvent } from '@shared/api/events';
import { changeLog } from '../backend/change-log-helpers';
import { makeBackend, withScorecard, type TestBackend } from '../backend/helpers';
import { SHIPPED_SAMPLE } from '../transfer/export-helpers';

// Links between objectives through the API on a real workspace file: what is stored, what the
// change log and the `changed` event say, and that bad input changes nothing.

const MISSING = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

async function twoObjectives() {
  const t = await withScorecard();
  const customer = t.perspectiveIds[1] ?? '';
  const guests = await t.call('objective.create', {
    perspectiveId: customer,
    name: 'Delight guests',
  });
  return { ...t, revenue: t.objective, guests };
}

async function logOf(t: TestBackend, entity: string) {
  return (await changeLog(t))
    .filter((e) => e.entity === entity)
    .map(({ operation, entity_id }) => ({ operation, entity_id }));
}

describe('links between objectives', () => {
  it('stores a link with its label, logs it and announces it', async () => {
    const t = await twoObjectives();
    const events: ServerEvent[] = [];
    t.backend.subscribe((event) => events.push(event));
    const link = await t.call('link.create', {
      fromObjectiveId: t.guests.id,
      toObjectiveId: t.revenue.id,
      label: '  regulars spend more ',
    });
    expect(link).toMatchObject({
      fromObjectiveId: t.guests.id,
      toObjectiveId: t.revenue.id,
      label: 'regulars spend more',
    });
    expect(await t.call('link.list', {})).toEqual([link]);
    expect(events).toContainEqual({
      name: 'changed',
      // Both ends are objectives of that scorecard: its views are the ones to read again.
      payload: { entities: ['objective_link'], scorecardIds: [t.scorecard.id] },
    });
    const relabelled = await t.call('link.update', { id: link.id, label: 'loyal guests' });
    expect(relabelled.label).toBe('loyal guests');
    await t.call('link.delete', { id: link.id });
    expect(await t.call('link.list', {})).toEqual([]);
    expect(await logOf(t, 'objective_link')).toEqual([
      { operation: 'insert', entity_id: link.id },
      { operation: 'update', entity_id: link.id },
      { operation: 'delete', entity_id: link.id },
    ]);
  });

  it('refuses a link to a missing objective, a self-link and a duplicate, storing nothing', async () => {
    const t = await twoObjectives();
    const first = await t.call('link.create', {
      fromObjectiveId: t.guests.id,
      toObjectiveId: t.revenue.id,
    });
    const before = await t.call('link.list', {});

    expect(
      await t.fail('link.create', { fromObjectiveId: t.guests.id, toObjectiveId: MISSING }),
    ).toMatchObject({
      code: 'NOT_FOUND',
      field: 'toObjectiveId',
      message: `The objective a link leads to (id ${MISSING}) is not in this workspace; it may have been deleted. Nothing was saved.`,
    });
    expect(
      await t.fail('link.create', { fromObjectiveId: t.guests.id, toObjectiveId: t.guests.id }),
    ).toMatchObject({
      code: 'VALIDATION',
      field: 'toObjectiveId',
      message:
        '“Delight guests” cannot drive itself: a link joins two different objectives. Nothing was saved.',
    });
    expect(
      await t.fail('link.create', { fromObjectiveId: t.guests.id, toObjectiveId: t.revenue.id }),
    ).toMatchObject({
      code: 'CONFLICT',
      message: '“Delight guests” → “Grow revenue” is already on the map. Nothing was saved.',
    });
    // A deleted objective is as gone as one that never was.
    const gone = await t.call('objective.create', {
      perspectiveId: t.perspectiveIds[2] ?? '',
      name: 'Short-lived',
    });
    await t.call('objective.delete', { id: gone.id });
    expect(
      await t.fail('link.create', { fromObjectiveId: gone.id, toObjectiveId: t.revenue.id }),
    ).toMatchObject({ code: 'NOT_FOUND', field: 'fromObjectiveId' });
    expect(await t.call('link.list', {})).toEqual(before);
    expect(await logOf(t, 'objective_link')).toHaveLength(1);

    // The reverse direction is a different claim (a feedback loop) and is allowed.
    const back = await t.call('link.create', {
      fromObjectiveId: t.revenue.id,
      toObjectiveId: t.guests.id,
    });
    expect((await t.call('link.list', {})).map((l) => l.id)).toEqual([first.id, back.id]);
  });

  it('deleting an objective removes its links and map positions, each logged', async () => {
    const t = await twoObjectives();
    const link = await t.call('link.create', {
      fromObjectiveId: t.guests.id,
      toObjectiveId: t.revenue.id,
    });
    await t.call('strategyMap.setPositions', {
      scorecardId: t.scorecard.id,
      positions: [{ objectiveId: t.guests.id, x: 40, y: 300 }],
    });
    await t.call('objective.delete', { id: t.guests.id });
    expect(await t.call('link.list', {})).toEqual([]);
    expect((await logOf(t, 'objective_link')).at(-1)).toEqual({
      operation: 'delete',
      entity_id: link.id,
    });
    expect((await logOf(t, 'map_position')).map((e) => e.operation)).toEqual(['insert', 'delete']);
    const map = await t.call('strategyMap.get', { scorecardId: t.scorecard.id });
    expect(map.links).toEqual([]);
    expect(map.positions).toEqual([]);
  });

  it('keeps dragged positions per map, logs only real moves, and forgets them on reset', async () => {
    const t = await twoObjectives();
    const keep = (x: number) =>
      t.call('strategyMap.setPositions', {
        scorecardId: t.scorecard.id,
        positions: [{ objectiveId: t.revenue.id, x, y: 12.5 }],
      });
    await keep(100);
    await keep(100);
    expect(await keep(140)).toEqual([
      { scorecardId: t.scorecard.id, objectiveId: t.revenue.id, x: 140, y: 12.5 },
    ]);
    expect((await logOf(t, 'map_position')).map((e) => e.operation)).toEqual(['insert', 'update']);
    expect(
      await t.fail('strategyMap.setPositions', {
        scorecardId: t.scorecard.id,
        positions: [{ objectiveId: MISSING, x: 1, y: 1 }],
      }),
    ).toMatchObject({ code: 'NOT_FOUND', field: 'positions.0.objectiveId' });
    await t.call('strategyMap.resetPositions', { scorecardId: t.scorecard.id });
    expect((await t.call('strategyMap.get', { scorecardId: t.scorecard.id })).positions).toEqual(
      [],
    );
  });
});

describe('the sample strategy map', () => {
  it('has a believable map: 15 links, bands in perspective order, statuses, other scorecards marked', async () => {
    const t = makeBackend({ samplePath: SHIPPED_SAMPLE });
    await t.call('workspace.openSample', {});
    const links = await t.call('link.list', {});
    expect(links.length).toBeGreaterThanOrEqual(10);
    expect(links.length).toBeLessThanOrEqual(15);
    const [company] = await t.call('scorecard.list', {});
    const map = await t.call('strategyMap.get', {
      scorecardId: company?.id ?? '',
      period: '2026-10',
    });
    expect(map.period).toBe('2026-10');
    expect(map.bands.map((b) => b.name)).toEqual([
      'Financial',
      'Customer',
      'Internal Process',
      'Learning & Growth',
    ]);
    const node = (name: string) => map.nodes.find((n) => n.name === name);
    expect(node('Bake on time, every time')).toMatchObject({ band: 2, external: false });
    expect(node('Grow profitable revenue')?.band).toBe(0);
    // The Cafés' objective that drives one of ours sits in our Customer band, marked external.
    expect(node('Fast, friendly service')).toMatchObject({
      band: 1,
      external: true,
      scorecardName: 'Cafés',
    });
    for (const n of map.nodes)
      expect(['on_track', 'at_risk', 'off_track', 'no_data']).toContain(n.status);
    expect(map.nodes.some((n) => n.status !== 'no_data' && n.score !== null)).toBe(true);
    expect(map.links.map((l) => `${l.fromName} → ${l.toName}`)).toContain(
      'Bake on time, every time → Delight our guests',
    );
    // Every link of the workspace touches the company map except the wholesale-only ones.
    expect(map.links.length).toBeGreaterThanOrEqual(13);
  });

  it('opens a workspace made before the strategy map with no links', async () => {
    const old = makeBackend({
      internals: { migrations: (await import('../../../electron/backend')).MIGRATIONS.slice(0, 5) },
    });
    const path = join(old.dir, 'Old.kpis');
    await old.call('workspace.create', { name: 'Old', path });
    await old.call('workspace.close', {});
    const t = makeBackend({ dir: old.dir });
    const info = await t.call('workspace.open', { path });
    expect(info.migratedFrom).toBe(5);
    expect(await t.call('link.list', {})).toEqual([]);
  });
});
