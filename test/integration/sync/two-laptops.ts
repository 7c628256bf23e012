import { join } from 'node:path';
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
