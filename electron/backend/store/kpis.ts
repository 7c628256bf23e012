import type { Kpi } from '@shared/domain/entities';
import type { Db } from '../workspace/connection';
import { logCascade, scopeOfKpi } from './cascade';
import type { Tx } from './change-log';
import { ARRAY_COLUMNS, COLUMNS, kpiOfArray, toKpi, toRow, type KpiRow } from './kpi-rows';
import { notFound } from './records';

// KPIs: reads, and writes each with its change-log entry.

const INSERT = `INSERT INTO kpis (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`;
const UPDATE = `UPDATE kpis SET ${COLUMNS.filter((c) => c !== 'id')
  .map((c) => `${c} = @${c}`)
  .join(', ')} WHERE id = @id`;

export function insertKpi({ db, changes }: Tx, kpi: Kpi): void {
  db.prepare(INSERT).run(toRow(kpi));
  changes.record('kpi', kpi.id, 'insert', null, kpi);
}

/**
 * Inserts many at once, parents possibly after their children (a package lists them by id):
 * the rows go in without parents, then the links are set, each logged with its final record.
 */
export function insertKpis({ db, changes }: Tx, kpis: readonly Kpi[]): void {
  const insert = db.prepare(INSERT);
  for (const kpi of kpis) insert.run(toRow({ ...kpi, parentKpiId: null }));
  const setParent = db.prepare('UPDATE kpis SET parent_kpi_id = ? WHERE id = ?');
  for (const kpi of kpis) {
    if (kpi.parentKpiId !== null) setParent.run(kpi.parentKpiId, kpi.id);
    changes.record('kpi', kpi.id, 'insert', null, kpi);
  }
}

/** Writes `after` and logs the change; an unchanged KPI logs nothing. */
export function updateKpi({ db, changes }: Tx, before: Kpi, after: Kpi): void {
  db.prepare(UPDATE).run(toRow(after));
  changes.recordUpdate('kpi', after.id, before, after);
}

/** Deletes a KPI with its values, plans and reminder override; its child KPIs stay, detached. */
export function deleteKpi(tx: Tx, before: Kpi): void {
  logCascade(tx, scopeOfKpi(before.id));
  tx.db.prepare('DELETE FROM kpis WHERE id = ?').run(before.id);
  tx.changes.record('kpi', before.id, 'delete', before, null);
}

export function findKpi(db: Db, id: string): Kpi | null {
  const row = db.prepare<[string], KpiRow>('SELECT * FROM kpis WHERE id = ?').get(id);
  return row ? toKpi(row) : null;
}

export function getKpi(db: Db, id: string, field?: string): Kpi {
  const kpi = findKpi(db, id);
  if (!kpi) throw notFound('KPI', id, field);
  return kpi;
}

export function findKpiByCode(db: Db, code: string): Kpi | null {
  const row = db.prepare<[string], KpiRow>('SELECT * FROM kpis WHERE code = ?').get(code);
  return row ? toKpi(row) : null;
}

const TREE_ORDER = `
  FROM kpis k
  JOIN objectives o ON o.id = k.objective_id
  JOIN perspectives p ON p.id = o.perspective_id`;
const BY_POSITION = 'ORDER BY p.position, o.position, k.position, k.rowid';

/** The KPIs of one scorecard (not of its children), or of the whole workspace. */
export function listKpis(db: Db, scorecardId?: string): Kpi[] {
  const rows =
    scorecardId === undefined
      ? db
          .prepare<[], unknown[]>(
            `SELECT ${ARRAY_COLUMNS} ${TREE_ORDER} JOIN scorecards s ON s.id = p.scorecard_id
             ORDER BY s.position, p.position, o.position, k.position, k.rowid`,
          )
          .raw()
          .all()
      : db
          .prepare<[string], unknown[]>(
            `SELECT ${ARRAY_COLUMNS} ${TREE_ORDER} WHERE p.scorecard_id = ? ${BY_POSITION}`,
          )
          .raw()
          .all(scorecardId);
  return rows.map(kpiOfArray);
}

/** What an import matches a file's names against (transfer/kpi-matcher's MatchableKpi). */
export type KpiNaming = Pick<Kpi, 'id' | 'name' | 'code' | 'frequency' | 'formula'> & {
  unitFormat: Kpi['unit']['format'];
};

/**
 * Every KPI's naming, in the order listKpis gives: six columns, not a whole KPI each (2,000
 * whole KPIs took a quarter of a second to read).
 */
export function listMatchableKpis(db: Db): KpiNaming[] {
  return db
    .prepare<[], KpiNaming>(
      `SELECT k.id, k.name, k.code, k.frequency, k.unit_format AS unitFormat, k.formula
       ${TREE_ORDER} JOIN scorecards s ON s.id = p.scorecard_id
       ORDER BY s.position, p.position, o.position, k.position, k.rowid`,
    )
    .all();
}

export function listChildKpis(db: Db, parentId: string): Kpi[] {
  return db
    .prepare<[string], KpiRow>(`SELECT k.* ${TREE_ORDER} WHERE k.parent_kpi_id = ? ${BY_POSITION}`)
    .all(parentId)
    .map(toKpi);
}

/** A formula identifier made from a KPI's name: "Net profit margin %" → "net_profit_margin". */
export function codeFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const start = /^[a-z]/.test(slug) ? slug : `kpi_${slug}`.replace(/_+$/, '');
  return start.slice(0, 63).replace(/_+$/, '');
}

/** `base`, or `base_2`, `base_3`… whichever is not yet used in the workspace. */
export function uniqueCode(db: Db, base: string): string {
  const taken = db.prepare<[string], { n: number }>('SELECT 1 AS n FROM kpis WHERE code = ?');
  if (!taken.get(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `_${n}`;
    const candidate = `${base.slice(0, 63 - suffix.length)}${suffix}`;
    if (!taken.get(candidate)) return candidate;
  }
}
