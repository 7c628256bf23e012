import { join } from 'node:path';
import Database from 'better-sqlite3';
import { applyPage } from '../../../electron/backend/sync/apply';
import { createLink } from '../../../electron/backend/sync/link';
import { openSpace, pullEvents } from '../../../electron/backend/sync/remote';
import { connect } from '../../../electron/backend/sync/server';
import { makeBackend, withScorecard, type TestBackend } from '../backend/helpers';
import type { TestPostgres } from '../../fixtures/postgres';

// Two laptops on one space of a real PostgreSQL (roles alice, bob and carol made by the test):
// Alice's workspace with a scorecard, two objectives and two KPIs, shared; Bob's joined to it.

export const pause = () => new Promise((done) => setTimeout(done, 5));

export async function twoLaptops(server: TestPostgres, space: string) {
  const a = await withScorecard();
  const [financial = '', customer = ''] = a.perspectiveIds;
  const other = await a.call('objective.create', { perspectiveId: customer, name: 'Keep clients' });
  const revenue = await a.call('kpi.create', { objectiveId: a.objective.id, name: 'Revenue' });
  const costs = await a.call('kpi.create', { objectiveId: a.objective.id, name: 'Costs' });
  await a.call('sync.share', { url: server.urlFor('alice'), space });
  await a.call('sync.setMember', {
    url: server.urlFor('alice'),
    space,
    member: 'bob',
    role: 'editor',
  });
  const b = makeBackend();
  await b.call('sync.join', {
    url: server.urlFor('bob'),
    space,
    path: join(b.dir, 'bob.kpis'),
  });
  const sync = {
    a: () => a.call('sync.run', { url: server.urlFor('alice') }),
    b: () => b.call('sync.run', { url: server.urlFor('bob') }),
  };
  return { a, b, sync, financial, other, revenue, costs };
}

/** A third laptop (Carol, a viewer) joining `space` now, from the whole history. */
export async function latecomer(server: TestPostgres, space: string): Promise<TestBackend> {
  const owner = { url: server.urlFor('alice'), space };
  const c = makeBackend();
  await c.call('sync.setMember', { ...owner, member: 'carol', role: 'viewer' });
  await c.call('sync.join', { url: server.urlFor('carol'), space, path: join(c.dir, 'c.kpis') });
  return c;
}

/**
 * A space's whole history applied to a new file in pages of `size` events (a slow link, a
 * crash between pages), through the same applyPage a sync uses; returns the file's path.
 */
export async function replayInPages(
  server: TestPostgres,
  space: string,
  size: number,
): Promise<string> {
  const t = makeBackend();
  const path = join(t.dir, `replay-${String(size)}.kpis`);
  await t.call('workspace.create', { name: 'Replay', path });
  t.backend.close();
  const client = await connect(server.urlFor('alice'));
  const db = new Database(path);
  try {
    db.pragma('foreign_keys = ON');
    const { spaceId } = await openSpace(client, space);
    createLink(db, server.urlFor('alice'), space, spaceId);
    const events = await pullEvents(client, spaceId, 0, 100_000);
    for (let from = 0; from < events.length; from += size)
      applyPage(db, events.slice(from, from + size), 'replay', () => Date.now());
  } finally {
    db.close();
    await client.end();
  }
  return path;
}
