import type { ChangeEntity, ChangeLogEntry } from '@shared/domain/entities';
import type { Db } from '../workspace/connection';
import { entriesOf } from '../workspace/change-log-packs';
import { toEntry, type ChangeRow } from './change-log';
import { changeRowById } from './change-log-read';

// The change log read as the audit trail: filtered, newest first, a page at a time. Value
// entity ids are '<kpi id>/<period>', so a KPI's or a period's values are found by its parts.
// The filters are put on the stored rows too (a KPI's packs have the entity id '<kpi id>/',
// and share their entries' entity, KPI and time), so only the packs they select are unfolded;
// the period, which a pack's row does not have, is looked at in its entries.

export interface ChangeQuery {
  entity?: ChangeEntity | undefined;
  kpiId?: string | undefined;
  period?: string | undefined;
  /** One scorecard's entries: its own id and its perspectives', objectives' and KPIs'. */
  scope?: { ids: readonly string[]; kpiIds: readonly string[] } | undefined;
  /** ISO instants: from inclusive, to exclusive. */
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

/** Where an entry is stored: its row, and its index in the row's pack (-1 for a single entry). */
const PLACE = ', r.rn AS rn, coalesce(e.key, -1) AS pack_index';

const KPI_OF_VALUE = "substr(entity_id, 1, instr(entity_id, '/') - 1)";
const PERIOD_OF_VALUE = "substr(entity_id, instr(entity_id, '/') + 1)";

export function queryChanges(
  db: Db,
  query: ChangeQuery,
): { entries: ChangeLogEntry[]; total: number } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (query.entity !== undefined) {
    where.push('entity = ?');
    params.push(query.entity);
  }
  if (query.kpiId !== undefined) {
    // '0' follows '/': the range is exactly the KPI's values, and can use the index.
    where.push(
      `((entity = 'value' AND entity_id >= ? AND entity_id < ?)
        OR (entity IN ('kpi', 'kpi_reminder') AND entity_id = ?))`,
    );
    params.push(`${query.kpiId}/`, `${query.kpiId}0`, query.kpiId);
  }
  if (query.scope !== undefined) {
    where.push(
      `((entity = 'value' AND ${KPI_OF_VALUE} IN (SELECT value FROM json_each(?)))
        OR (entity <> 'value' AND entity_id IN (SELECT value FROM json_each(?))))`,
    );
    params.push(JSON.stringify(query.scope.kpiIds), JSON.stringify(query.scope.ids));
  }
  if (query.from !== undefined) {
    where.push('at >= ?');
    params.push(query.from);
  }
  if (query.to !== undefined) {
    where.push('at < ?');
    params.push(query.to);
  }
  // The conditions so far hold for the stored rows too.
  const onRows = where.length;
  const rowParams = [...params];
  if (query.period !== undefined) {
    where.push(`(entity = 'value' AND ${PERIOD_OF_VALUE} = ?)`);
    params.push(query.period);
  }
  const rowFilter = onRows === 0 ? 'true' : where.slice(0, onRows).join(' AND ');
  const filter = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
  const entries = `(${entriesOf(rowFilter, PLACE)}) ${filter}`;
  const total = db
    .prepare<(string | number)[], { n: number }>(`SELECT COUNT(*) AS n FROM ${entries}`)
    .get(...rowParams, ...params)?.n;
  // The page is chosen on the entries' time, id and place alone; only its entries are then
  // read whole. Sorting every unfolded record's text was several times slower on a large log.
  const page = db
    .prepare<(string | number)[], { rn: number; pack_index: number }>(
      `SELECT rn, pack_index FROM ${entries} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`,
    )
    .all(...rowParams, ...params, query.limit, query.offset);
  const entry = db.prepare<[number, number], ChangeRow>(
    `SELECT * FROM (${entriesOf('rowid = ?', PLACE)}) WHERE pack_index = ?`,
  );
  const rows = page.flatMap(({ rn, pack_index }) => entry.all(rn, pack_index));
  return { entries: rows.map(toEntry), total: total ?? 0 };
}

/** One entry by its id, or null. */
export function findChange(db: Db, id: string): ChangeLogEntry | null {
  const row = changeRowById(db)(id);
  return row ? toEntry(row) : null;
}
