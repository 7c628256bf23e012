import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '@shared/sync/hlc';
import { openSpace, pushEvents, type WireEvent } from '../../../electron/backend/sync/remote';
import { connect } from '../../../electron/backend/sync/server';
import { makeBackend, withScorecard } from '../backend/helpers';
import { psql } from '../../fixtures/postgres';
import { useSyncServer } from './sync-server';
import { copyOf, dumpFile, readOne } from './files';

// Bad input from the server's side: events this app cannot apply (a kind from a newer app, a
// record that does not fit the file), a server set up by a newer app, a space that does not
// exist, a wrong password. Each says what is wrong, applies nothing of the page, leaves the
// cursor where it was and keeps the outbox.

const server = useSyncServer({
  roles: "CREATE ROLE alice LOGIN; CREATE ROLE pat LOGIN PASSWORD 'right-one';",
  setup: (pg) => {
    // Pat logs in with a password (every other login is trusted, as in the other tests).
    const hba = psql(pg, 'SHOW hba_file').trim();
    psql(
      pg,
      `COPY (VALUES ('local all all trust'), ('host all pat 127.0.0.1/32 scram-sha-256'),
        ('host all all 127.0.0.1/32 trust')) TO '${hba}'; SELECT pg_reload_conf();`,
    );
  },
});

let next = 0;
/** An event as a (possibly newer) app would push it, stamped in 2030. */
function event(entity: string, entityId: string, after: object): WireEvent {
  next += 1;
  return {
    id: `0190c0de-0000-7000-8000-${next.toString(16).padStart(12, '0')}`,
    entity,
    entityId,
    operation: 'insert',
    oldValue: null,
    newValue: JSON.stringify(after),
    at: '2030-01-01T00:00:00.000Z',
    deviceId: 'future',
    hlc: formatHlc({ wall: Date.parse('2030-01-01') + next, counter: 0, device: 'future' }),
    base: '[]',
  };
}

async function pushAs(user: string, space: string, events: WireEvent[]): Promise<void> {
  const client = await connect(server.urlFor(user));
  try {
    const { spaceId } = await openSpace(client, space);
    await pushEvents(client, spaceId, events);
  } finally {
    await client.end();
  }
}

/** A shared workspace with one KPI, a value, and one change of its own waiting to be sent. */
async function sharedWithWaitingEdit(space: string) {
  const a = await withScorecard();
  const kpi = await a.call('kpi.create', { objectiveId: a.objective.id, name: 'Visits' });
  await a.call('value.set', { kpiId: kpi.id, period: '2026-04', value: 4 });
  await a.call('sync.share', { url: server.urlFor('alice'), space });
  await a.call('value.set', { kpiId: kpi.id, period: '2026-05', value: 5 });
  const before = dumpFile(await copyOf(a));
  const cursor = readOne(await copyOf(a), 'SELECT cursor FROM sync_link');
  return { a, kpi, before, cursor };
}

describe('a sync refusing what it cannot apply', () => {
  it('refuses a page with a kind from a newer app: nothing of it applied, cursor and outbox kept', async () => {
    const { a, kpi, before, cursor } = await sharedWithWaitingEdit('newer-kind');
    // A known change and an unknown one in the same page.
    await pushAs('alice', 'newer-kind', [
      event('value', `${kpi.id}/2026-06`, {
        kpiId: kpi.id,
        period: '2026-06',
        value: 6,
        comment: '',
        enteredBy: 'x',
        enteredAt: '2030-01-01T00:00:00.000Z',
      }),
      event('forecast', 'f1', { horizon: 12 }),
    ]);
    const error = await a.fail('sync.run', { url: server.urlFor('alice') });
    expect(error).toMatchObject({ code: 'SYNC_REFUSED' });
    expect(error.message).toBe(
      'The space holds changes of a kind this version of KPI Scorecard does not know (forecast): update the app to sync it. Nothing was applied; your changes wait in the outbox.',
    );
    const copy = await copyOf(a);
    expect(dumpFile(copy)).toEqual(before);
    expect(readOne(copy, 'SELECT cursor FROM sync_link')).toBe(cursor);
    expect(await a.call('sync.status', {})).toMatchObject({ waiting: 1, lastError: error.message });
  });

  it('refuses a record that does not fit the file, naming it, and applies nothing of its page', async () => {
    const { a, kpi, before, cursor } = await sharedWithWaitingEdit('misfit');
    const plan = {
      id: '0190c0de-0000-7000-8000-0000000a0001',
      kpiId: kpi.id,
      objectiveId: null,
      title: 'Fine',
      owner: '',
      dueDate: null,
      status: 'planned',
      notes: '',
      createdAt: '2030-01-01T00:00:00.000Z',
      updatedAt: '2030-01-01T00:00:00.000Z',
    };
    // A status this app does not know (a newer app's), after a plan it could apply.
    await pushAs('alice', 'misfit', [
      event('action_plan', plan.id, plan),
      event('action_plan', '0190c0de-0000-7000-8000-0000000a0002', {
        ...plan,
        id: '0190c0de-0000-7000-8000-0000000a0002',
        status: 'parked',
      }),
    ]);
    const error = await a.fail('sync.run', { url: server.urlFor('alice') });
    expect(error).toMatchObject({ code: 'SYNC_REFUSED' });
    expect(error.message).toMatch(
      /^A change of action plan 0190c0de-0000-7000-8000-0000000a0002 from the space cannot be applied to this file \(CHECK constraint failed: .*\); it may come from a newer version of KPI Scorecard: update the app to sync it\. Nothing was applied; your changes wait in the outbox\.$/u,
    );
    const copy = await copyOf(a);
    expect(dumpFile(copy)).toEqual(before);
    expect(readOne(copy, 'SELECT cursor FROM sync_link')).toBe(cursor);
    expect(await a.call('actionPlan.list', {})).toEqual([]);
    expect(await a.call('sync.status', {})).toMatchObject({ waiting: 1 });
  });

  it('refuses a server set up by a newer app, keeping the outbox', async () => {
    const { a, before } = await sharedWithWaitingEdit('newer-server');
    psql(server, "INSERT INTO kpis.schema_version (version, name) VALUES (99, 'from the future')");
    try {
      const error = await a.fail('sync.run', { url: server.urlFor('alice') });
      expect(error).toMatchObject({ code: 'SYNC_REFUSED' });
      expect(error.message).toMatch(
        /was set up by a newer KPI Scorecard \(server schema 99, this app knows \d+\): update the app to sync with it/u,
      );
      expect(dumpFile(await copyOf(a))).toEqual(before);
      expect(await a.call('sync.status', {})).toMatchObject({ waiting: 1 });
    } finally {
      psql(server, 'DELETE FROM kpis.schema_version WHERE version = 99');
    }
  });

  it('refuses to join a space that does not exist, leaving no file', async () => {
    const t = makeBackend();
    const path = join(t.dir, 'nowhere.kpis');
    const error = await t.fail('sync.join', {
      url: server.urlFor('alice'),
      space: 'nowhere',
      path,
    });
    expect(error).toMatchObject({
      code: 'SYNC_REFUSED',
      message: 'There is no space named "nowhere" on this server.',
    });
    expect(existsSync(path)).toBe(false);
  });

  it('says a wrong password was refused, never shows it, and changes nothing', async () => {
    const a = await withScorecard();
    const kpi = await a.call('kpi.create', { objectiveId: a.objective.id, name: 'Visits' });
    const at = (password: string) =>
      `postgres://pat:${password}@127.0.0.1:${String(server.port)}/postgres`;
    const wrong = await a.fail('sync.share', { url: at('wrong-one'), space: 'pats' });
    expect(wrong.code).toBe('SYNC_REFUSED');
    expect(wrong.message).toMatch(
      /^The server pat@127\.0\.0\.1:\d+\/postgres refused the login: password authentication failed for user "pat"\. Check the user name and password\.$/u,
    );
    expect(wrong.message).not.toMatch(/wrong-one/u);
    expect(await a.call('sync.status', {})).toBeNull();
    // With the right one the same workspace shares, and the password is not in the file.
    expect(await a.call('sync.share', { url: at('right-one'), space: 'pats' })).toMatchObject({
      role: 'owner',
    });
    await a.call('value.set', { kpiId: kpi.id, period: '2026-01', value: 1 });
    const again = await a.fail('sync.run', { url: at('wrong-one') });
    expect(again.message).toMatch(/refused the login/u);
    expect(await a.call('sync.status', {})).toMatchObject({ waiting: 1 });
    const copy = await copyOf(a);
    expect(readOne(copy, 'SELECT server FROM sync_link')).toBe(
      `postgres://pat@127.0.0.1:${String(server.port)}/postgres`,
    );
    expect(JSON.stringify(dumpFile(copy))).not.toMatch(/right-one|wrong-one/u);
  });
});
