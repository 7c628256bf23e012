import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLink, markSent, outbox, type EventStamp } from '../../../electron/backend/sync/link';
import {
  addStamps,
  keyOf,
  markSeen,
  stampedAmong,
  stampsOfKeys,
} from '../../../electron/backend/sync/stamp-pages';
import { makeBackend } from '../backend/helpers';

// The page-at-a-time reads and writes of the sync bookkeeping, on a real workspace file: what
// a share stamps and a join receives goes through these, one statement a page.

async function linkedFile(): Promise<Database.Database> {
  const t = makeBackend();
  const path = join(t.dir, 'pages.kpis');
  await t.call('workspace.create', { name: 'Pages', path });
  t.backend.close();
  const db = new Database(path);
  createLink(db, 'postgres://alice@127.0.0.1:5432/postgres', 'pages', 1);
  return db;
}

function stamp(n: number, entityId: string, sent: boolean): EventStamp {
  return {
    changeId: `c${String(n).padStart(5, '0')}`,
    entity: 'value',
    entityId,
    hlc: `${String(1_700_000_000_000 + n).padStart(15, '0')}-00000000-device-a`,
    base: n === 1 ? '[]' : `["c${String(n - 1).padStart(5, '0')}"]`,
    author: sent ? 'bob' : null,
    seq: sent ? n : null,
    sent,
  };
}

describe('sync bookkeeping a page at a time', () => {
  it('finds which events are stamped and the stamps of each entity, in one query each', async () => {
    const db = await linkedFile();
    const stamps = [
      stamp(1, 'k1/2026-01', true),
      stamp(2, 'k1/2026-01', false),
      stamp(3, 'k2/2026-01', false),
    ];
    addStamps(db, stamps);
    expect([...stampedAmong(db, ['c00001', 'c00003', 'c09999'])].sort()).toEqual([
      'c00001',
      'c00003',
    ]);
    expect(stampedAmong(db, []).size).toBe(0);

    const found = stampsOfKeys(db, [
      { entity: 'value', entityId: 'k1/2026-01' },
      { entity: 'value', entityId: 'k3/2026-01' },
      { entity: 'kpi', entityId: 'k2/2026-01' },
    ]);
    expect([...found.keys()]).toEqual([keyOf('value', 'k1/2026-01')]);
    const k1 = found.get(keyOf('value', 'k1/2026-01')) ?? [];
    expect(k1.sort((a, b) => a.changeId.localeCompare(b.changeId))).toEqual([stamps[0], stamps[1]]);
    db.close();
  });

  it('marks events seen with their number and pusher, and sent ones leave the outbox', async () => {
    const db = await linkedFile();
    addStamps(
      db,
      Array.from({ length: 250 }, (_, i) => stamp(i + 1, `k${String(i)}/2026-01`, false)),
    );
    expect(outbox(db, 1000)).toHaveLength(250);
    markSeen(db, [{ changeId: 'c00002', seq: 41, author: 'carol' }]);
    markSent(
      db,
      Array.from({ length: 200 }, (_, i) => `c${String(i + 51).padStart(5, '0')}`),
      'alice',
    );
    const left = outbox(db, 1000);
    expect(left.map((s) => s.changeId)).toEqual(
      Array.from({ length: 50 }, (_, i) => `c${String(i + 1).padStart(5, '0')}`).filter(
        (id) => id !== 'c00002',
      ),
    );
    const rows = db
      .prepare<[], { change_id: string; seq: number | null; author: string | null; sent: number }>(
        "SELECT change_id, seq, author, sent FROM sync_events WHERE change_id IN ('c00002', 'c00051', 'c00003')",
      )
      .all();
    expect(rows.sort((a, b) => a.change_id.localeCompare(b.change_id))).toEqual([
      { change_id: 'c00002', seq: 41, author: 'carol', sent: 1 },
      { change_id: 'c00003', seq: null, author: null, sent: 0 },
      { change_id: 'c00051', seq: null, author: 'alice', sent: 1 },
    ]);
    db.close();
  });
});
