import type { ChangeOperation } from '@shared/domain/entities';
import type { Db } from '../workspace/connection';
import { ENTRY_POSITION, PACK_LIMIT, entriesOf } from '../workspace/change-log-packs';
import { valueEntries, type ChangeRow } from './change-log';

// Team sync reads the log in the order it was written and appends entries written on other
// laptops with their own ids, times and devices (electron/backend/sync/). Sync touches the log
// only through these, so the stored shape (packs, workspace/change-log-packs.ts) stays here.
// An entry's position is its row's rowid × 4096 plus its index in the row's pack.

/** An entry as stored: the old and new values as JSON text. */
export interface RawChange {
  id: string;
  entity: string;
  entityId: string;
  operation: ChangeOperation;
  oldJson: string | null;
  newJson: string | null;
  at: string;
  deviceId: string;
}

interface PositionedRow extends ChangeRow {
  position: number;
}

function toRaw(row: ChangeRow): RawChange {
  return {
    id: row.id,
    entity: row.entity,
    entityId: row.entity_id,
    operation: row.operation,
    oldJson: row.old_value,
    newJson: row.new_value,
    at: row.at,
    deviceId: row.device_id,
  };
}

/** Stored rows read at a time while paging in writing order (a pack is up to 4095 entries). */
const ROWS_AT_A_TIME = 16;

/** Up to `limit` entries written after `position` (0: from the first), in writing order. */
export function changesAfter(
  db: Db,
  position: number,
  limit: number,
): { position: number; change: RawChange }[] {
  const last = db
    .prepare<[], number | null>('SELECT max(rowid) FROM change_log_rows')
    .pluck()
    .get();
  const span = db.prepare<[number, number, number], PositionedRow>(
    `SELECT * FROM (${entriesOf('rowid BETWEEN ? AND ?', `, ${ENTRY_POSITION} AS position`)})
     WHERE position > ? ORDER BY position`,
  );
  const found: { position: number; change: RawChange }[] = [];
  for (
    let row = Math.floor(position / PACK_LIMIT);
    last !== null && last !== undefined && row <= last && found.length < limit;
    row += ROWS_AT_A_TIME
  )
    for (const entry of span.all(row, row + ROWS_AT_A_TIME - 1, position)) {
      if (found.length === limit) break;
      found.push({ position: entry.position, change: toRaw(entry) });
    }
  return found;
}

/** Every entry of one entity (a value's entity id is its natural key). */
export function changesOf(db: Db): (entity: string, entityId: string) => RawChange[] {
  const select = db.prepare<[string, string], ChangeRow>(
    `SELECT * FROM (${entriesOf('entity = ? AND entity_id = ?')})`,
  );
  return (entity, entityId) => {
    const slash = entityId.indexOf('/');
    const rows =
      entity === 'value' && slash > 0
        ? valueEntries(db, entityId.slice(0, slash), entityId.slice(slash + 1), '')
        : select.all(entity, entityId);
    return rows.map(toRaw);
  };
}

/** The position of the last entry written (0 for an empty log). */
export function lastChangePosition(db: Db): number {
  const row = db
    .prepare<[], { rn: number; n: number | null }>(
      `SELECT rowid AS rn, json_array_length(pack_rows) AS n FROM change_log_rows
       ORDER BY rowid DESC LIMIT 1`,
    )
    .get();
  return row ? row.rn * PACK_LIMIT + (row.n ?? 1) - 1 : 0;
}

/**
 * Finds an entry by its id: a single entry is its row; an entry of a pack is in the pack with
 * the greatest first id at or below it and the same 24-character prefix (ids of one block
 * differ only in their last 12 hex digits, and no other id is made inside a block).
 */
export function changeRowById(db: Db): (id: string) => ChangeRow | undefined {
  const select = db.prepare<{ id: string }, ChangeRow>(
    `SELECT * FROM (${entriesOf(
      `rowid = (SELECT rowid FROM change_log_rows
         WHERE id <= @id AND id >= substr(@id, 1, 24) ORDER BY id DESC LIMIT 1)`,
    )}) WHERE id = @id`,
  );
  return (id) => select.get({ id });
}

/**
 * The entries with these ids, in no particular order: one query for a page of them, which
 * finds each id's stored row through the id index and unfolds each pack it needs once.
 */
export function changesByIds(db: Db, ids: readonly string[]): RawChange[] {
  if (ids.length === 0) return [];
  return db
    .prepare<{ ids: string }, ChangeRow>(
      `WITH wanted (id) AS (SELECT value FROM json_each(@ids))
       SELECT * FROM (${entriesOf(
         `rowid IN (SELECT (SELECT rowid FROM change_log_rows
            WHERE id <= wanted.id AND id >= substr(wanted.id, 1, 24) ORDER BY id DESC LIMIT 1)
          FROM wanted)`,
       )}) WHERE id IN (SELECT id FROM wanted)`,
    )
    .all({ ids: JSON.stringify(ids) })
    .map(toRaw);
}
