import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { validate, version } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { KpiValue } from '@shared/domain/entities';
import { MIGRATIONS } from '../../../electron/backend';
import { ChangeLog } from '../../../electron/backend/store/change-log';
import { BulkValueWriter, HELD_ROWS, numberJson } from '../../../electron/backend/store/value-bulk';
import type { ValueRow } from '../../../electron/backend/store/values';
import { migrate } from '../../../electron/backend/workspace/migrations';
import { tempDir } from './helpers';

// The bulk write path of values (imports, packages) hands SQLite a thousand new values as one
// JSON text, and SQLite makes both the value rows and their change-log entries from it. What
// comes out must be exactly what went in: every number to the last bit, every comment, and one
// entry per value, with its own UUIDv7, that replays to the stored record.

const KPIS = ['01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-00000000000b'];

interface Input {
  kpiId: string;
  period: string;
  value: number;
  comment: string;
  /** Written as a package's record, with its own author and time. */
  own: { enteredBy: string; enteredAt: string } | null;
}

const text = fc.string({ unit: 'grapheme', maxLength: 12 });
const inputs = fc
  .uniqueArray(
    fc.record({
      kpiId: fc.constantFrom(...KPIS),
      // Monthly periods from 1990-01 on, as the import writes them.
      month: fc.integer({ min: 0, max: 2400 }),
      value: fc.double({ noNaN: true, noDefaultInfinity: true }),
      comment: fc.oneof(fc.constant(''), text, fc.constantFrom('"quoted"', 'back\\slash', 'a\nb')),
      own: fc.option(
        fc.record({ enteredBy: text, enteredAt: fc.constant('2025-12-31T23:00:00Z') }),
      ),
    }),
    { selector: (input) => `${input.kpiId}/${input.month}`, minLength: 1, maxLength: 2600 },
  )
  .map((records): Input[] =>
    records.map(({ month, ...rest }) => ({
      ...rest,
      period: `${String(1990 + Math.floor(month / 12))}-${String((month % 12) + 1).padStart(2, '0')}`,
    })),
  );

function workspaceDb(): Database.Database {
  const db = new Database(join(tempDir(), 'bulk.kpis'));
  migrate(db, MIGRATIONS);
  // The values' KPIs are not made here: only what the bulk path stores is looked at.
  db.pragma('foreign_keys = OFF');
  return db;
}

/** The stored packs of the log, in writing order: the KPI id's last two digits and its size. */
function packsOf(db: Database.Database): string[] {
  return db
    .prepare<[], { entity_id: string; size: number }>(
      `SELECT entity_id, json_array_length(pack_rows) AS size FROM change_log_rows
       WHERE pack_rows IS NOT NULL ORDER BY rowid`,
    )
    .all()
    .map((pack) => `${pack.entity_id.slice(-3, -1)} ${String(pack.size)}`);
}

const expected = (input: Input): KpiValue => ({
  kpiId: input.kpiId,
  period: input.period,
  value: input.value,
  comment: input.comment,
  enteredBy: input.own?.enteredBy ?? 'Ada',
  enteredAt: input.own?.enteredAt ?? '2026-03-01T10:00:00.000Z',
});

describe('the bulk write path of values', () => {
  it("writes each number's JSON as JSON.stringify does", () => {
    const twoDecimals = fc
      .integer({ min: -(10 ** 15), max: 10 ** 15 })
      .chain((cents) => fc.constantFrom(cents / 100, cents / 10, cents));
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), twoDecimals),
        (value) => {
          expect(numberJson(value)).toBe(JSON.stringify(value));
        },
      ),
      { numRuns: 20_000 },
    );
    for (const value of [-0, 0.05, -0.05, 0.1, 1e-7, 123.45, -9999999999999.99, 1e21, 0.005])
      expect(numberJson(value)).toBe(JSON.stringify(value));
  });

  it('stores every value and logs one entry each that replays to it exactly', () => {
    fc.assert(
      // Sorted by KPI as an import writes them, runs pass a pack's thousand values.
      fc.property(inputs, fc.boolean(), (unsorted, byKpi) => {
        const values = byKpi
          ? [...unsorted].sort((a, b) => a.kpiId.localeCompare(b.kpiId))
          : unsorted;
        const db = workspaceDb();
        try {
          const changes = new ChangeLog(db, 'device-1', () => '2026-03-01T10:00:00.000Z');
          db.exec('BEGIN');
          const writer = new BulkValueWriter(db, changes, 'Ada', '2026-03-01T10:00:00.000Z');
          for (const input of values)
            if (input.own) writer.insertRecord(expected(input));
            else writer.insert(input.kpiId, input.period, input.value, input.comment);
          writer.flush();
          db.exec('COMMIT');

          const stored = db
            .prepare<[], ValueRow>(
              'SELECT kpi_id, period, value, comment, entered_by, entered_at FROM kpi_values',
            )
            .all();
          expect(stored).toHaveLength(values.length);
          const entries = db
            .prepare<
              [],
              { id: string; entity_id: string; operation: string; new_value: string; at: string }
            >(
              "SELECT id, entity_id, operation, new_value, at FROM change_log WHERE entity = 'value' ORDER BY id",
            )
            .all();
          expect(entries).toHaveLength(values.length);
          for (const [index, input] of values.entries()) {
            const entry = entries[index];
            expect(entry?.entity_id).toBe(`${input.kpiId}/${input.period}`);
            expect(entry?.operation).toBe('insert');
            expect(entry?.at).toBe('2026-03-01T10:00:00.000Z');
            const record = JSON.parse(entry?.new_value ?? 'null') as KpiValue;
            // To the last bit, -0 aside: JSON has no negative zero, so -0 comes back as 0.
            expect(record).toEqual({
              ...expected(input),
              value: input.value === 0 ? 0 : input.value,
            });
            expect(record.value === input.value).toBe(true);
          }
          const byKey = new Map(stored.map((row) => [`${row.kpi_id}/${row.period}`, row]));
          for (const input of values) {
            const row = byKey.get(`${input.kpiId}/${input.period}`);
            expect(row?.value === input.value).toBe(true);
            expect(row?.comment).toBe(input.comment);
            expect(row?.entered_by).toBe(expected(input).enteredBy);
            expect(row?.entered_at).toBe(expected(input).enteredAt);
          }
          const ids = entries.map((entry) => entry.id);
          expect(new Set(ids).size).toBe(ids.length);
          for (let i = 1; i < ids.length; i += 1)
            expect((ids[i] as string) > (ids[i - 1] as string)).toBe(true);
          for (const id of ids.slice(0, 3)) {
            expect(validate(id)).toBe(true);
            expect(version(id)).toBe(7);
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: 15 },
    );
  });

  it("holds an import's packs across flushes: one per KPI, its entries in the order written", () => {
    const db = workspaceDb();
    const changes = new ChangeLog(db, 'device-1', () => '2026-03-01T10:00:00.000Z');
    const writer = new BulkValueWriter(
      db,
      changes,
      'Ada',
      '2026-03-01T10:00:00.000Z',
      'sales.xlsx',
      { upTo: HELD_ROWS },
    );
    const [kpiA = '', kpiB = ''] = KPIS;
    const month = (m: number): string =>
      `${String(1900 + Math.floor(m / 12))}-${String((m % 12) + 1).padStart(2, '0')}`;
    // A workbook ordered by period with the KPIs across, written a batch of 40 periods at a
    // time: B's values in each batch first (as a batch is sorted by KPI); A gets 2,500 values
    // and B 600.
    const values = (m: number, kpi: string): number => (kpi === kpiA ? m + 0.25 : -m - 1);
    for (let batch = 0; batch < 2_500; batch += 40) {
      for (const kpiId of [kpiB, kpiA])
        for (let m = batch; m < Math.min(batch + 40, 2_500); m += 1)
          if (kpiId === kpiA || m < 600) writer.insert(kpiId, month(m), values(m, kpiId), '');
      writer.flush();
      // The values are written at each flush (a duplicate in the file reads them back) …
      expect(db.prepare('SELECT count(*) FROM kpi_values').pluck().get()).toBe(
        Math.min(batch + 40, 2_500) + Math.min(batch + 40, 600),
      );
    }
    // … and their entries in packs of up to a thousand: A's first two are full, the rest held.
    expect(packsOf(db)).toEqual(['0a 1000', '0a 1000']);
    writer.finish();
    // B's 600 and A's last 500, in the order their packs were opened.
    expect(packsOf(db)).toEqual(['0a 1000', '0a 1000', '0b 600', '0a 500']);
    for (const kpiId of [kpiA, kpiB]) {
      const entries = db
        .prepare<[string, string], { entity_id: string; new_value: string }>(
          `SELECT entity_id, new_value FROM change_log
           WHERE entity_id >= ? AND entity_id < ? ORDER BY id`,
        )
        .all(`${kpiId}/`, `${kpiId}0`);
      const count = kpiId === kpiA ? 2_500 : 600;
      expect(entries.map((entry) => entry.entity_id)).toEqual(
        Array.from({ length: count }, (_, m) => `${kpiId}/${month(m)}`),
      );
      entries.forEach((entry, m) => {
        expect(JSON.parse(entry.new_value)).toEqual({
          kpiId,
          period: month(m),
          value: values(m, kpiId),
          comment: '',
          enteredBy: 'Ada',
          enteredAt: '2026-03-01T10:00:00.000Z',
          source: 'sales.xlsx',
        });
      });
    }
    db.close();
  });

  it('logs every held pack, in the order they were opened, once they pass the rows it may hold', () => {
    const db = workspaceDb();
    const changes = new ChangeLog(db, 'device-1', () => '2026-03-01T10:00:00.000Z');
    const writer = new BulkValueWriter(db, changes, 'Ada', '2026-03-01T10:00:00.000Z', null, {
      upTo: 50,
    });
    const [kpiA = '', kpiB = ''] = KPIS;
    const kpiC = '01900000-0000-7000-8000-00000000000c';
    // Ten values of B, then ten of A, a flush after each: 50 held after the third B, past 50
    // with the third A, when every held pack is logged; the fourth round is held again.
    for (let batch = 0; batch < 4; batch += 1)
      for (const kpiId of [kpiB, kpiA]) {
        for (let day = 0; day < 10; day += 1)
          writer.insert(kpiId, `2026-0${String(batch + 1)}-${String(day + 10)}`, day, '');
        writer.flush();
        if (batch === 2 && kpiId === kpiB) expect(packsOf(db)).toEqual([]);
      }
    expect(packsOf(db)).toEqual(['0b 30', '0a 30']);
    // A hundred values of a KPI with none held are a pack already: logged as they are written.
    for (let day = 0; day < 100; day += 1) writer.insert(kpiC, `${String(1900 + day)}-01`, day, '');
    writer.flush();
    expect(packsOf(db)).toEqual(['0b 30', '0a 30', '0c 100']);
    writer.finish();
    expect(packsOf(db)).toEqual(['0b 30', '0a 30', '0c 100', '0b 10', '0a 10']);
    expect(db.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(180);
    db.close();
  });

  it('logs a replaced value with its old and new record, in the order written', () => {
    const db = workspaceDb();
    const changes = new ChangeLog(db, 'device-1', () => '2026-03-01T10:00:00.000Z');
    const writer = new BulkValueWriter(db, changes, 'Ada', '2026-03-01T10:00:00.000Z');
    const kpiId = KPIS[0] ?? '';
    writer.insert(kpiId, '2026-01', 1.5, '');
    writer.flush();
    const before = db.prepare('SELECT * FROM kpi_values').get() as { value: number };
    expect(before.value).toBe(1.5);
    writer.replace(
      {
        kpiId,
        period: '2026-01',
        value: 1.5,
        comment: '',
        enteredBy: 'Ada',
        enteredAt: '2026-03-01T10:00:00.000Z',
      },
      2.25,
      'checked',
    );
    writer.insert(kpiId, '2026-02', 3, '');
    writer.flush();
    const entries = db
      .prepare<[], { entity_id: string; operation: string; old_value: string | null }>(
        "SELECT entity_id, operation, old_value FROM change_log WHERE entity = 'value' ORDER BY id",
      )
      .all();
    expect(entries.map((entry) => `${entry.entity_id} ${entry.operation}`)).toEqual([
      `${kpiId}/2026-01 insert`,
      `${kpiId}/2026-01 update`,
      `${kpiId}/2026-02 insert`,
    ]);
    expect(JSON.parse(entries[1]?.old_value ?? 'null')).toMatchObject({ value: 1.5 });
    expect(db.prepare('SELECT value, comment FROM kpi_values ORDER BY period').all()).toEqual([
      { value: 2.25, comment: 'checked' },
      { value: 3, comment: '' },
    ]);
    db.close();
  });
});
