import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChangeLog } from '../../../electron/backend/store/change-log';
import { joinSpace, shareWorkspace } from '../../../electron/backend/sync/engine';
import { makeBackend, withScorecard } from '../backend/helpers';
import { psql } from '../../fixtures/postgres';
import { useSyncServer } from './sync-server';

// Issue 20's size: a workspace of 60,000 values shared and joined in full, the joined copy
// equal to the shared one value by value and entry by entry of the history. (Its speed is
// measured by `npm run bench -- sync`, not here.)

const server = useSyncServer({
  roles: 'CREATE ROLE alice LOGIN; CREATE ROLE bob LOGIN;',
});

const KPIS = 250;
const MONTHS = 240;

/** 250 KPIs × 240 months of values, through the API as a user's imports would write them. */
async function workspaceOf60000Values(): Promise<string> {
  const t = await withScorecard();
  for (let k = 0; k < KPIS; k += 1) {
    const kpi = await t.call('kpi.create', { objectiveId: t.objective.id, name: `KPI ${k}` });
    const entries = Array.from({ length: MONTHS }, (_, m) => ({
      kpiId: kpi.id,
      period: `${String(2001 + Math.floor(m / 12))}-${String((m % 12) + 1).padStart(2, '0')}`,
      value: k * 1000 + m + 0.25,
    }));
    await t.call('value.setMany', { entries });
  }
  const path = t.workspace.path;
  t.backend.close();
  return path;
}

function contents(db: Database.Database) {
  return {
    values: db.prepare('SELECT kpi_id, period, value, comment FROM kpi_values ORDER BY 1, 2').all(),
    history: db
      .prepare('SELECT id, entity, entity_id, operation, new_value FROM change_log ORDER BY id')
      .all(),
  };
}

describe('a space of 60,000 values', () => {
  it('is shared and joined whole: the joined file equals the shared one', async () => {
    const a = new Database(await workspaceOf60000Values());
    a.pragma('foreign_keys = ON');
    expect(a.prepare('SELECT count(*) AS n FROM kpi_values').get()).toEqual({ n: 60_000 });
    const shared = await shareWorkspace(
      { db: a, changes: new ChangeLog(a, 'A', () => new Date().toISOString()) },
      server.urlFor('alice'),
      'volume',
      { device: 'A', now: () => new Date() },
    );
    const entries = (a.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
    expect(entries).toBeGreaterThan(60_000);
    expect(shared).toMatchObject({ sent: entries, waiting: 0 });

    psql(
      server,
      "INSERT INTO kpis.members SELECT id, 'bob', 'editor' FROM kpis.spaces WHERE name = 'volume'",
    );
    const other = makeBackend();
    await other.call('workspace.create', { name: 'B', path: join(other.dir, 'B.kpis') });
    other.backend.close();
    const b = new Database(join(other.dir, 'B.kpis'));
    b.pragma('foreign_keys = ON');
    const joined = await joinSpace(b, server.urlFor('bob'), 'volume', {
      device: 'B',
      now: () => new Date(),
    });
    expect(joined.received).toBe(entries);
    const mine = contents(b);
    const theirs = contents(a);
    expect(mine.values).toHaveLength(60_000);
    expect(mine.values).toEqual(theirs.values);
    // B's own creation of its empty file is in its history too; everything of A's is there.
    const ids = new Set(mine.history.map((entry) => JSON.stringify(entry)));
    expect(theirs.history.filter((entry) => !ids.has(JSON.stringify(entry)))).toEqual([]);
    a.close();
    b.close();
  }, 300_000);
});
