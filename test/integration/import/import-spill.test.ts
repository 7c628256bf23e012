import { copyFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ChangeLog } from '../../../electron/backend/store/change-log';
import { listKpis, listMatchableKpis } from '../../../electron/backend/store/kpis';
import { ImportWriter } from '../../../electron/backend/transfer/import/import-writer';
import { BatchPacker } from '../../../electron/backend/transfer/import/reader-thread';
import { openLockedConnection } from '../../../electron/backend/workspace/connection';
import type { RowsRead } from '@shared/transfer/value-rows';
import { sha256, sideFiles, withScorecard } from '../backend/helpers';
import { contentOf } from './helpers';

// The import's transaction stays open through the dry run (import-writer.ts): what does not
// fit the page cache goes into the WAL before the user has applied anything. Killed then, the
// file and its WAL are what is on the disk; SQLite must leave the uncommitted pages out when the
// file is next opened. Here the two files are copied at that moment (what a kill leaves) and
// the copy is opened; cancelled, the file is left byte for byte as it was.

const KPIS = 6;
const MONTHS = 2_400;

const period = (month: number): string =>
  `${String(1900 + Math.floor(month / 12))}-${String((month % 12) + 1).padStart(2, '0')}`;

describe("an import's transaction, larger than its page cache", () => {
  it('leaves the file as it was when killed after pages went out of memory', async () => {
    const { t, path, kpiIds, before } = await workspaceWithValues();
    const { db, writer } = spillingImport(path, kpiIds);

    // Pages of the uncommitted import are in the WAL.
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(KPIS * MONTHS * 10);
    const killed = `${t.dir}/killed.kpis`;
    copyFileSync(path, killed);
    copyFileSync(`${path}-wal`, `${killed}-wal`);
    expect(contentOf(killed)).toEqual(before);

    // Applied, the values are there.
    const result = writer.commit();
    expect(result).toMatchObject({ inserted: KPIS * MONTHS - KPIS, updated: KPIS });
    db.close();
    expect(sideFiles(path)).toEqual([]);
    // Every value is there, with one change-log entry each (the replaced ones included).
    expect(contentOf(path)).toMatchObject({
      integrity: 'ok',
      values: KPIS * MONTHS,
      entries: before.entries + KPIS * MONTHS,
    });
  });

  it('leaves the file byte for byte as it was when cancelled after pages went out of memory', async () => {
    const { path, kpiIds, before, bytes } = await workspaceWithValues();
    const { db, writer } = spillingImport(path, kpiIds);
    writer.rollback();
    db.close();
    expect(sideFiles(path)).toEqual([]);
    expect(sha256(path)).toBe(bytes);
    expect(contentOf(path)).toEqual(before);
  });
});

/** A closed workspace whose KPIs each hold one value, and what it holds. */
async function workspaceWithValues() {
  const t = await withScorecard();
  const kpiIds: string[] = [];
  for (let k = 0; k < KPIS; k += 1)
    kpiIds.push(
      (await t.call('kpi.create', { objectiveId: t.objective.id, name: `Sales ${k}` })).id,
    );
  // Stored values the import changes, so pages that were in the file are rewritten too.
  await t.call('value.setMany', {
    entries: kpiIds.map((kpiId) => ({ kpiId, period: period(0), value: -1, comment: '' })),
  });
  await t.call('workspace.close', {});
  const path = t.workspace.path;
  return { t, path, kpiIds, before: contentOf(path), bytes: sha256(path) };
}

/** An import of MONTHS values per KPI, written (not committed) with a page cache too small to hold them. */
function spillingImport(path: string, kpiIds: readonly string[]) {
  const db = openLockedConnection(path, { create: false, nativeBinding: undefined });
  const kpis = listMatchableKpis(db);
  // The import reads the KPIs as the rest of the backend lists them.
  expect(kpis).toEqual(
    listKpis(db).map(({ id, name, code, frequency, unit, formula }) => ({
      id,
      name,
      code,
      frequency,
      unitFormat: unit.format,
      formula,
    })),
  );
  const writer = new ImportWriter({
    db,
    changes: new ChangeLog(db, 'device', () => '2026-03-01T10:00:00.000Z'),
    kpis,
    location: { kind: 'csv', sheet: null },
    enteredBy: 'Ada',
    enteredAt: '2026-03-01T10:00:00.000Z',
    source: 'sales.csv',
    newKpis: null,
  });
  // A page cache of a few pages, so this import spills as a million values do in 64 MB.
  db.pragma('cache_size = 8');
  const packer = new BatchPacker(kpis);
  const read: RowsRead = { values: [], newKpiValues: [], problems: [] };
  for (const [k, kpiId] of kpiIds.entries())
    for (let month = 0; month < MONTHS; month += 1)
      read.values.push({
        kpiId,
        period: period(month),
        value: k * MONTHS + month,
        comment: null,
        line: 2 + k * MONTHS + month,
      });
  writer.add({ ...packer.pack(read, 0), periods: packer.periods });
  writer.finish();
  return { db, writer };
}
