import type { Db } from './connection';
import { isPacked, rebuildPackedLog } from './change-log-packs';

// Widening the change log's list of entities (its CHECK constraint) for a new kind of record.
// SQLite cannot alter a CHECK constraint, so the table is rebuilt as schema 5 did it: a new
// table with the wider list, every entry copied in the order it was written, the old table
// dropped (its index and triggers go with it), the new one renamed, index and triggers again.
//
// The list is read from the table as it is and the new kinds are added to it, so migrations
// of features built side by side each add their own kind, in whichever order they run, and
// none drops another's. It runs inside its migration's transaction. Once the log is packed
// (change-log-packs.ts) the stored rows are rebuilt instead, and the view made again.

const LIST = /entity IN \(([^)]*)\)/u;

/** The entity kinds the file's change log accepts now. */
export function changeLogEntities(db: Db): string[] {
  const row = db
    .prepare<[string], { sql: string }>(
      "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
    )
    .get(isPacked(db) ? 'change_log_rows' : 'change_log');
  const list = row ? LIST.exec(row.sql)?.[1] : undefined;
  if (list === undefined) throw new Error('The change log has no list of entities to widen');
  return [...list.matchAll(/'([a-z_]+)'/gu)].map((match) => match[1] as string);
}

export function widenChangeLogEntities(db: Db, added: readonly string[]): void {
  for (const kind of added)
    if (!/^[a-z_]+$/u.test(kind)) throw new Error(`"${kind}" is not an entity name`);
  const kinds = [...new Set([...changeLogEntities(db), ...added])];
  const list = kinds.map((kind) => `'${kind}'`).join(', ');
  if (isPacked(db)) {
    rebuildPackedLog(db, list);
    return;
  }
  db.exec(`
    CREATE TABLE change_log_wider (
      id TEXT PRIMARY KEY,
      entity TEXT NOT NULL CHECK (entity IN (${list})),
      entity_id TEXT NOT NULL,
      operation TEXT NOT NULL CHECK (operation IN ('insert', 'update', 'delete')),
      old_value TEXT CHECK (old_value IS NULL OR json_valid(old_value)),
      new_value TEXT CHECK (new_value IS NULL OR json_valid(new_value)),
      at TEXT NOT NULL,
      device_id TEXT NOT NULL
    ) STRICT;

    INSERT INTO change_log_wider
      (id, entity, entity_id, operation, old_value, new_value, at, device_id)
      SELECT id, entity, entity_id, operation, old_value, new_value, at, device_id
      FROM change_log ORDER BY rowid;

    DROP TABLE change_log;
    ALTER TABLE change_log_wider RENAME TO change_log;
    CREATE INDEX change_log_by_entity ON change_log (entity, entity_id);

    CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
    BEGIN
      SELECT RAISE(ABORT, 'The change log is append-only: entries cannot be changed');
    END;
    CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
    BEGIN
      SELECT RAISE(ABORT, 'The change log is append-only: entries cannot be deleted');
    END;
  `);
}
