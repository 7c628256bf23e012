import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ChangeLog } from '../../../electron/backend/store/change-log';
import { joinSpace, shareWorkspace, syncWorkspace } from '../../../electron/backend/sync/engine';
import { createLink } from '../../../electron/backend/sync/link';
import { makeBackend, withScorecard } from '../backend/helpers';
import { psql } from '../../fixtures/postgres';
import { useSyncServer } from './sync-server';

// Cut off at any point, nothing is lost or doubled: the server killed between pages of a
// push and of a pull, the client killed inside a page's transaction. Pages are made 5,000
// events here (pageSize), so a workspace of 6,000 values takes two.

const server = useSyncServer({
  roles: 'CREATE ROLE alice LOGIN; CREATE ROLE bob LOGIN;',
});

/** A workspace file with 25 KPIs × 240 months of values, closed again. */
async function bigWorkspace(): Promise<string> {
  const t = await withScorecard();
  for (let k = 0; k < 25; k += 1) {
    const kpi = await t.call('kpi.create', {
      objectiveId: t.objective.id,
      name: `KPI ${String(k)}`,
    });
    const entries = Array.from({ length: 240 }, (_, m) => ({
      kpiId: kpi.id,
      period: `${String(2001 + Math.floor(m / 12))}-${String((m % 12) + 1).padStart(2, '0')}`,
      value: k * 1000 + m,
    }));
    await t.call('value.setMany', { entries });
  }
  const path = t.workspace.path;
  t.backend.close();
  return path;
}

function open(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('foreign_keys = ON');
  return db;
}

const count = (db: Database.Database, sql: string) => (db.prepare(sql).get() as { n: number }).n;

function serverCount(space: string): number {
  return Number(
    psql(
      server,
      `SELECT count(*) FROM kpis.events e JOIN kpis.spaces s ON s.id = e.space_id WHERE s.name = '${space}'`,
    ).trim(),
  );
}

function contents(db: Database.Database) {
  return {
    values: db.prepare('SELECT kpi_id, period, value FROM kpi_values ORDER BY 1, 2').all(),
    history: db.prepare('SELECT id, entity_id, new_value FROM change_log ORDER BY id').all(),
  };
}

describe('a sync cut off', () => {
  it('loses and doubles nothing when the server dies mid-push and mid-pull', async () => {
    const path = await bigWorkspace();
    const a = open(path);
    const total = count(a, 'SELECT count(*) AS n FROM change_log');
    expect(total).toBeGreaterThan(6000);
    const env = { device: 'A', now: () => new Date(), pageSize: 5000 };
    await expect(
      shareWorkspace(
        { db: a, changes: new ChangeLog(a, 'A', () => new Date().toISOString()) },
        server.urlFor('alice'),
        'killed',
        {
          ...env,
          onProgress: ({ phase }) => {
            if (phase === 'push') server.kill();
          },
        },
      ),
    ).rejects.toThrow(/connection to .* was lost|Cannot reach/u);
    server.start();
    // The first page is on the server and acknowledged; the rest waits in the outbox.
    expect(serverCount('killed')).toBe(5000);
    const all = count(a, 'SELECT count(*) AS n FROM change_log');
    expect(count(a, 'SELECT count(*) AS n FROM sync_events WHERE sent = 0')).toBe(all - 5000);
    const resumed = await syncWorkspace(a, server.urlFor('alice'), env);
    expect(resumed).toMatchObject({ sent: all - 5000, waiting: 0 });
    expect(serverCount('killed')).toBe(all);
    const seqs = psql(
      server,
      "SELECT min(seq) || ' ' || max(seq) || ' ' || count(DISTINCT e.id) FROM kpis.events e JOIN kpis.spaces s ON s.id = e.space_id WHERE s.name = 'killed'",
    );
    expect(seqs.trim()).toBe(`1 ${String(all)} ${String(all)}`);

    // Bob joins in pages of 2,000 and the server dies after his first: the next page was
    // already asked for (a pull reads ahead one page), so one or two whole pages are in,
    // never a part of one, and never the third (asked for only after the second arrived).
    psql(server, 'SELECT 1'); // the server answers again
    const other = makeBackend();
    await other.call('workspace.create', { name: 'B', path: join(other.dir, 'B.kpis') });
    other.backend.close();
    const b = open(join(other.dir, 'B.kpis'));
    psql(
      server,
      "INSERT INTO kpis.members SELECT id, 'bob', 'editor' FROM kpis.spaces WHERE name = 'killed'",
    );
    await expect(
      joinSpace(b, server.urlFor('bob'), 'killed', {
        device: 'B',
        now: () => new Date(),
        pageSize: 2000,
        onProgress: ({ phase, done }) => {
          if (phase === 'pull' && done === 2000) server.kill();
        },
      }),
    ).rejects.toThrow(/connection to .* was lost|Cannot reach/u);
    server.start();
    const cursor = count(b, 'SELECT cursor AS n FROM sync_link');
    expect([2000, 4000]).toContain(cursor);
    expect(count(b, 'SELECT count(*) AS n FROM change_log')).toBe(cursor);
    expect(count(b, 'SELECT count(*) AS n FROM sync_events')).toBe(cursor);
    await syncWorkspace(b, server.urlFor('bob'), { device: 'B', now: () => new Date() });
    expect(contents(b)).toEqual(contents(a));
    a.close();
    b.close();
  }, 240_000);

  it('applies nothing of a page when the client is killed inside it, and the next sync completes', async () => {
    const path = await bigWorkspace();
    const a = open(path);
    await shareWorkspace(
      { db: a, changes: new ChangeLog(a, 'A', () => new Date().toISOString()) },
      server.urlFor('alice'),
      'client-killed',
      { device: 'A', now: () => new Date() },
    );
    psql(
      server,
      "INSERT INTO kpis.members SELECT id, 'bob', 'editor' FROM kpis.spaces WHERE name = 'client-killed'",
    );
    const other = makeBackend();
    const file = join(other.dir, 'B.kpis');
    await other.call('workspace.create', { name: 'B', path: file });
    other.backend.close();
    // Linked to the space, nothing pulled yet: the child's sync pulls the first page.
    const spaceId = Number(
      psql(server, "SELECT id FROM kpis.spaces WHERE name = 'client-killed'").trim(),
    );
    const before = open(file);
    createLink(before, server.urlFor('bob'), 'client-killed', spaceId);
    const entries = count(before, 'SELECT count(*) AS n FROM change_log');
    before.close();

    const child = spawnSync(
      process.execPath,
      [inject('syncHarnessPath'), file, server.urlFor('bob'), '2500'],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(child.signal).toBe('SIGKILL');
    expect(child.stdout).not.toMatch(/finished/u);

    const after = open(file);
    expect(count(after, 'SELECT cursor AS n FROM sync_link')).toBe(0);
    expect(count(after, 'SELECT count(*) AS n FROM sync_events')).toBe(0);
    expect(count(after, 'SELECT count(*) AS n FROM change_log')).toBe(entries);
    await syncWorkspace(after, server.urlFor('bob'), { device: 'B', now: () => new Date() });
    expect(contents(after)).toEqual(contents(a));
    a.close();
    after.close();
  }, 240_000);
});
