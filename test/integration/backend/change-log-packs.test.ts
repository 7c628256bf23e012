import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/backend';
import {
  ChangeLog,
  changesAfter,
  changesByIds,
  changesOf,
  lastChangePosition,
} from '../../../electron/backend/store/change-log';
import { findChange, queryChanges } from '../../../electron/backend/store/change-log-query';
import { BulkValueWriter } from '../../../electron/backend/store/value-bulk';
import { widenChangeLogEntities } from '../../../electron/backend/workspace/change-log-entities';
import { migrate, schemaVersionOf } from '../../../electron/backend/workspace/migrations';
import { tempDir } from './helpers';

// The packed change log: a KPI's new values written in bulk are one stored row, and the
// change_log view unfolds it into one entry per value. Read with plain SQL or through the
// store, the log must be what it was with a row per entry: the same entries, ids, order and
// positions, append-only, and a file migrated to it keeps every entry and its sync position.

const KPI_A = '01900000-0000-7000-8000-00000000000a';
const KPI_B = '01900000-0000-7000-8000-00000000000b';
const KPI_C = '01900000-0000-7000-8000-00000000000c';
const PACKED = MIGRATIONS.findIndex((m) => m.name.startsWith('packed change log')) + 1;
const INSERT = 'INSERT INTO change_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)';

interface Entry {
  id: string;
  entity: string;
  entity_id: string;
  operation: string;
  old_value: string | null;
  new_value: string | null;
  at: string;
  device_id: string;
}

function entries(db: Database.Database): Entry[] {
  return db.prepare<[], Entry>('SELECT * FROM change_log').all();
}

function workspaceDb(): Database.Database {
  const db = new Database(join(tempDir(), 'packs.kpis'));
  migrate(db, MIGRATIONS);
  db.pragma('foreign_keys = OFF');
  return db;
}

/**
 * `count` new values of KPIs A and B, a KPI at a time, with a replaced value between them, then
 * a fifth as many of KPI C straight after B's (no flush between: the writer splits the runs).
 */
function writeValues(db: Database.Database, count: number): ChangeLog {
  const changes = new ChangeLog(db, 'laptop', () => '2026-03-01T10:00:00.000Z');
  const writer = new BulkValueWriter(db, changes, 'Ada', '2026-03-01T10:00:00.000Z', 'sales.csv');
  db.exec('BEGIN');
  for (let i = 0; i < count; i += 1) writer.insert(KPI_A, `${String(2000 + i)}-01`, i + 0.5, '');
  writer.flush();
  writer.replace(
    {
      kpiId: KPI_A,
      period: '2000-01',
      value: 0.5,
      comment: '',
      enteredBy: 'Ada',
      enteredAt: '2026-03-01T10:00:00.000Z',
    },
    7,
    'fixed',
  );
  for (let i = 0; i < count; i += 1) writer.insert(KPI_B, `${String(2000 + i)}-01`, -i, 'b');
  for (let i = 0; i < count / 5; i += 1) writer.insert(KPI_C, `${String(2000 + i)}-01`, i, '');
  writer.flush();
  db.exec('COMMIT');
  return changes;
}

describe('the packed change log', () => {
  it('shows one entry per value to plain SQL, and the store reads the same entries', () => {
    const db = workspaceDb();
    const changes = writeValues(db, 1500);
    const all = entries(db);
    // 1500 + 1500 + 300 new values and one replacement: entries from five packs and a row.
    expect(all).toHaveLength(3301);
    expect(db.prepare('SELECT count(*) FROM change_log_rows').pluck().get()).toBe(6);
    const stored = db.prepare('SELECT kpi_id, count(*) AS n FROM kpi_values GROUP BY kpi_id');
    expect(stored.all()).toEqual([
      { kpi_id: KPI_A, n: 1500 },
      { kpi_id: KPI_B, n: 1500 },
      { kpi_id: KPI_C, n: 300 },
    ]);
    expect(
      db
        .prepare('SELECT value FROM kpi_values WHERE kpi_id = ? AND period = ?')
        .pluck()
        .get(KPI_B, '2001-01'),
    ).toBe(-1);
    expect(all[0]).toMatchObject({ entity: 'value', entity_id: `${KPI_A}/2000-01` });
    expect(JSON.parse(all[0]?.new_value ?? 'null')).toEqual({
      kpiId: KPI_A,
      period: '2000-01',
      value: 0.5,
      comment: '',
      enteredBy: 'Ada',
      enteredAt: '2026-03-01T10:00:00.000Z',
      source: 'sales.csv',
    });
    expect(all[1500]).toMatchObject({ operation: 'update', entity_id: `${KPI_A}/2000-01` });
    // Ids are UUIDv7 made in writing order, each once.
    expect(all.map((e) => e.id)).toEqual(all.map((e) => e.id).sort());
    expect(new Set(all.map((e) => e.id)).size).toBe(3301);

    // Value history: newest first, only the KPI's or the value's entries.
    const history = changes.valueHistory(KPI_A, '2000-01');
    expect(history.map((e) => e.operation)).toEqual(['update', 'insert']);
    expect(changes.valueHistory(KPI_B, undefined)).toHaveLength(1500);
    expect(changesOf(db)('value', `${KPI_B}/2100-01`)).toHaveLength(1);
    // By id: the first, a middle and the last entry of a pack.
    for (const entry of [all[0], all[1700], all[3300]]) {
      expect(findChange(db, entry?.id ?? '')?.entityId).toBe(entry?.entity_id);
      expect(changesByIds(db, [entry?.id ?? ''])[0]?.newJson).toBe(entry?.new_value);
    }
    expect(findChange(db, '01900000-0000-7000-8000-000000000000')).toBeNull();
    // The audit trail, by period (which a pack's row does not hold) and by KPI.
    expect(queryChanges(db, { period: '2100-01', limit: 10, offset: 0 }).total).toBe(3);
    expect(queryChanges(db, { kpiId: KPI_A, limit: 10, offset: 0 }).total).toBe(1501);
    db.close();
  });

  it('pages through the log in writing order with positions that only grow', () => {
    const db = workspaceDb();
    writeValues(db, 30);
    const all = entries(db);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (limit) => {
        const seen: string[] = [];
        let position = 0;
        for (;;) {
          const page = changesAfter(db, position, limit);
          if (page.length === 0) break;
          expect(page.length).toBeLessThanOrEqual(limit);
          for (const entry of page) {
            expect(entry.position).toBeGreaterThan(position);
            position = entry.position;
            seen.push(entry.change.id);
          }
        }
        expect(seen).toEqual(all.map((e) => e.id));
        expect(position).toBe(lastChangePosition(db));
      }),
    );
    db.close();
  });

  it('stays append-only, through the view and in its stored rows', () => {
    const db = workspaceDb();
    writeValues(db, 3);
    expect(() => db.exec("UPDATE change_log SET at = 'x'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM change_log')).toThrow(/append-only/);
    expect(() => db.exec("UPDATE change_log_rows SET at = 'x'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM change_log_rows')).toThrow(/append-only/);
    expect(entries(db)).toHaveLength(8);
    db.close();
  });

  it('migrates a log of single entries with every entry, and converts the sync position', () => {
    const db = new Database(join(tempDir(), 'v8.kpis'));
    migrate(db, MIGRATIONS, PACKED - 1);
    const entry = (n: number, entity: string) => [
      `01900000-0000-7000-8000-00000000000${String(n)}`,
      entity,
      `${entity}-1`,
      'insert',
      null,
      JSON.stringify({ n }),
      '2026-01-01T00:00:00.000Z',
      'device',
    ];
    for (let n = 1; n <= 3; n += 1) db.prepare(INSERT).run(entry(n, n === 2 ? 'value' : 'kpi'));
    db.exec(`INSERT INTO sync_link (id, server, space, space_id, stamped_through)
      VALUES (1, 'https://sync.example', 'Team', 1, 2)`);
    const before = entries(db);

    expect(migrate(db, MIGRATIONS, PACKED)).toEqual({ from: PACKED - 1, to: PACKED });
    expect(entries(db)).toEqual(before);
    expect(db.prepare('SELECT stamped_through FROM sync_link').pluck().get()).toBe(2 * 4096);
    // What the old position 2 had stamped is still behind it; the third entry is not.
    expect(changesAfter(db, 2 * 4096, 10).map((e) => e.change.id)).toEqual([before[2]?.id]);
    expect(() => db.prepare(INSERT).run(entry(4, 'gossip'))).toThrow(/CHECK/);
    expect(() => db.exec('DELETE FROM change_log')).toThrow(/append-only/);
    expect(schemaVersionOf(db)).toBe(PACKED);
    db.close();
  });

  it('keeps packs and positions when a later migration widens the list of entities', () => {
    const db = workspaceDb();
    writeValues(db, 20);
    const before = changesAfter(db, 0, 100);
    db.transaction(() => {
      widenChangeLogEntities(db, ['test_kind']);
    })();
    expect(changesAfter(db, 0, 100)).toEqual(before);
    db.prepare(INSERT).run([
      '01900000-0000-7000-8000-0000000000ff',
      'test_kind',
      'x',
      'insert',
      null,
      '{}',
      '2026-01-01T00:00:00.000Z',
      'device',
    ]);
    expect(entries(db)).toHaveLength(46);
    expect(() => db.exec('DELETE FROM change_log')).toThrow(/append-only/);
    db.close();
  });
});
