import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '@shared/api/contract-sync';
import type { ServerEvent } from '@shared/api/events';
import { makeBackend, withScorecard, type TestBackend } from '../backend/helpers';
import { useSyncServer } from './sync-server';

// The background sync against a real PostgreSQL: a change is sent within the debounce and
// arrives on the other laptop on its timer, without anyone asking; with the server down it
// backs off and says when it tries next, and once the server is back the outbox goes out; and
// while a sync waits on the server the user keeps writing values.

const server = useSyncServer({
  roles: 'CREATE ROLE alice LOGIN; CREATE ROLE bob LOGIN;',
});

const FAST = { debounceMs: 300, intervalMs: 800, retryMs: 400, maxRetryMs: 1_600 };

/** Polls until `check` holds (the background sync works on its own time). */
async function until<T>(read: () => Promise<T>, check: (value: T) => boolean, ms = 10_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`Still not there: ${JSON.stringify(value)}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

function statusEvents(t: TestBackend): (SyncStatus | null)[] {
  const seen: (SyncStatus | null)[] = [];
  t.backend.subscribe((event: ServerEvent) => {
    if (event.name === 'sync') seen.push(event.payload.status);
  });
  return seen;
}

async function sharedPair(space: string) {
  const a = await withScorecard({ backgroundSync: FAST });
  const kpi = await a.call('kpi.create', { objectiveId: a.objective.id, name: 'Revenue' });
  await a.call('sync.share', { url: server.urlFor('alice'), space });
  await a.call('sync.setMember', {
    url: server.urlFor('alice'),
    space,
    member: 'bob',
    role: 'editor',
  });
  const b = makeBackend({ backgroundSync: FAST });
  await b.call('sync.join', { url: server.urlFor('bob'), space, path: join(b.dir, 'b.kpis') });
  return { a, b, kpi };
}

const valueOf = async (t: TestBackend, kpiId: string, period: string) =>
  (await t.call('value.list', { kpiIds: [kpiId] })).find((v) => v.period === period)?.value ?? null;

describe('background sync', () => {
  it('sends a change within the debounce; the other laptop gets it on its timer', async () => {
    const { a, b, kpi } = await sharedPair('background');
    const heard = statusEvents(a);
    // What the page hears from the write on: before it, a sync planned by the share may still
    // fire its timer ("idle", nothing planned) on a busy machine.
    const from = heard.length;
    await a.call('value.set', { kpiId: kpi.id, period: '2026-01', value: 42 });
    // Waiting to send counts the edit before any sync has stamped it.
    expect(await a.call('sync.status', {})).toMatchObject({ waiting: 1 });
    const written = Date.now();
    await until(
      () => a.call('sync.status', {}),
      (s) => s?.waiting === 0,
    );
    expect(Date.now() - written).toBeLessThan(FAST.debounceMs + 2_000);
    await until(
      () => valueOf(b, kpi.id, '2026-01'),
      (v) => v === 42,
    );
    // The page heard of it: waiting 1, syncing, then sent with a next try on the timer.
    const events = heard.slice(from);
    expect(events.some((s) => s?.waiting === 1)).toBe(true);
    const syncing = events.findIndex((s) => s?.state === 'syncing');
    expect(syncing).toBeGreaterThan(-1);
    const sent = events.slice(syncing).find((e) => e?.state === 'idle' && e.waiting === 0);
    expect(sent).toMatchObject({ lastError: null, conflicts: 0 });
    expect(Date.parse(sent?.nextTryAt ?? '')).toBeGreaterThan(written);
  });

  it('backs off while the server is away and sends the outbox once it is back', async () => {
    const { a, b, kpi } = await sharedPair('offline');
    server.kill();
    try {
      const written = Date.now();
      await a.call('value.set', { kpiId: kpi.id, period: '2026-02', value: 7 });
      const offline = await until(
        () => a.call('sync.status', {}),
        (s) => s?.state === 'offline',
      );
      expect(offline).toMatchObject({ waiting: 1 });
      // Refused at the door, or cut off mid-sync when the server was killed during one (the
      // share's own first sync can still be running on a busy machine): either says so.
      expect(offline?.lastError).toMatch(/Cannot reach the server|The connection to .* was lost/u);
      // Planned after the failed try (not when the test got round to asking: a busy machine).
      const firstRetry = Date.parse(offline?.nextTryAt ?? '');
      expect(firstRetry).toBeGreaterThan(written);
      // Tries again later and later while it stays away.
      const later = await until(
        () => a.call('sync.status', {}),
        (s) => s?.state === 'offline' && Date.parse(s.nextTryAt ?? '') - firstRetry > 700,
      );
      expect(later?.waiting).toBe(1);
    } finally {
      server.start();
    }
    await until(
      () => a.call('sync.status', {}),
      (s) => s?.state === 'idle' && s.waiting === 0,
    );
    await until(
      () => valueOf(b, kpi.id, '2026-02'),
      (v) => v === 7,
    );
  }, 30_000);

  it('keeps taking values while a sync waits on the server', async () => {
    const { a, kpi } = await sharedPair('busy');
    await a.call('value.set', { kpiId: kpi.id, period: '2026-03', value: 1 });
    // Another writer holds the space's lock: the push waits for it.
    const blocker = new pg.Client({ connectionString: server.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query("SELECT * FROM kpis.spaces WHERE name = 'busy' FOR UPDATE");
    let syncDone = false;
    const sync = a.backend.dispatch('sync.run', {}).then((result) => {
      syncDone = true;
      return result;
    });
    await until(
      () => a.call('sync.status', {}),
      (s) => s?.state === 'syncing',
    );
    const started = Date.now();
    await a.call('value.set', { kpiId: kpi.id, period: '2026-04', value: 2 });
    await a.call('value.set', { kpiId: kpi.id, period: '2026-05', value: 3 });
    // Writes blocked behind the sync would never end while the lock is held; the bound only
    // keeps a slow machine from failing the test.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(syncDone).toBe(false);
    expect(await valueOf(a, kpi.id, '2026-05')).toBe(3);
    await blocker.query('COMMIT');
    await blocker.end();
    expect((await sync).ok).toBe(true);
    // What was typed during the sync goes out after it, by itself.
    await until(
      () => a.call('sync.status', {}),
      (s) => s?.waiting === 0 && s.state === 'idle',
    );
  }, 30_000);

  it('closing the workspace waits for the sync using it, which then ends cleanly', async () => {
    const { a, kpi } = await sharedPair('closing-mid-sync');
    await a.call('value.set', { kpiId: kpi.id, period: '2026-06', value: 6 });
    const blocker = new pg.Client({ connectionString: server.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query("SELECT * FROM kpis.spaces WHERE name = 'closing-mid-sync' FOR UPDATE");
    const sync = a.backend.dispatch('sync.run', {});
    await until(
      () => a.call('sync.status', {}),
      (s) => s?.state === 'syncing',
    );
    let closed = false;
    const close = a.backend.dispatch('workspace.close', {}).then((result) => {
      closed = true;
      return result;
    });
    await new Promise((done) => setTimeout(done, 300));
    expect(closed).toBe(false);
    await blocker.query('COMMIT');
    await blocker.end();
    expect((await sync).ok).toBe(true);
    expect((await close).ok).toBe(true);
    expect(a.logged).toEqual([]);
    // Everything was sent before the file closed.
    await a.call('workspace.open', { path: a.workspace.path });
    expect(await a.call('sync.status', {})).toMatchObject({ waiting: 0 });
  }, 30_000);

  it('stops when the workspace closes', async () => {
    const { a } = await sharedPair('closing');
    const events = statusEvents(a);
    await a.call('workspace.close', {});
    const count = events.length;
    await new Promise((done) => setTimeout(done, FAST.intervalMs * 2));
    expect(events.slice(count).filter((s) => s !== null)).toEqual([]);
    expect(events.at(-1)).toBeNull();
  });
});
