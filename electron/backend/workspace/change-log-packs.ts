import type { Db } from './connection';

// The packed change log (issue 14's speed point). An import of a million values logs a million
// entries; as a row each, the log cost about four times the values themselves. Now the stored
// rows (`change_log_rows`) are either one entry, as before, or a *pack*: the new values of one
// KPI written together (up to a thousand), held as one JSON text of `[period, value, comment]`
// rows (`[…, enteredBy, enteredAt]` when a row has its own author and time). `change_log` is a
// view that unfolds each pack into one entry per value, with the very columns and text the
// table had, so every reader — SQLite's shell included — still sees one entry per value.
//
// A pack's row: `id` is its first entry's id (a block of store/ids.ts newIdBlock: entry i is
// the id's first 24 characters followed by `pack_first + i` in 12 hex digits), `entity_id` is
// '<kpi id>/' (inside the KPI's range of value ids, so the index finds a KPI's packs with its
// other entries), `new_value` null, and the record's shared parts in the pack_ columns.
// An entry's position in writing order is rowid × 4096 + its index in the pack (0 for one
// entry): packs hold fewer than 4096 values.
//
// Shipped with the migration that packs the log: change the shape only with a new migration.

export const PACK_LIMIT = 4096;

/** The physical table, with the list of entity kinds it accepts. */
function rowsTable(name: string, entityList: string): string {
  return `
    CREATE TABLE ${name} (
      id TEXT PRIMARY KEY,
      entity TEXT NOT NULL CHECK (entity IN (${entityList})),
      entity_id TEXT NOT NULL,
      operation TEXT NOT NULL CHECK (operation IN ('insert', 'update', 'delete')),
      old_value TEXT CHECK (old_value IS NULL OR json_valid(old_value)),
      new_value TEXT CHECK (new_value IS NULL OR json_valid(new_value)),
      at TEXT NOT NULL,
      device_id TEXT NOT NULL,
      pack_rows TEXT CHECK (pack_rows IS NULL OR json_valid(pack_rows)),
      pack_first INTEGER,
      pack_entered_by TEXT,
      pack_entered_at TEXT,
      pack_source TEXT,
      CHECK ((pack_rows IS NULL) = (pack_first IS NULL)),
      CHECK (pack_rows IS NULL OR (entity = 'value' AND operation = 'insert'))
    ) STRICT`;
}

/**
 * The columns of an entry, from a stored row `r` (with its rowid as `rn`) left-joined to
 * `json_each(r.pack_rows)` as `e`: the row itself for one entry, each pack row unfolded.
 */
export const ENTRY_COLUMNS = `
  CASE WHEN r.pack_rows IS NULL THEN r.id
    ELSE substr(r.id, 1, 24) || printf('%012x', r.pack_first + e.key) END AS id,
  r.entity AS entity,
  CASE WHEN r.pack_rows IS NULL THEN r.entity_id
    ELSE r.entity_id || (e.value ->> 0) END AS entity_id,
  r.operation AS operation,
  r.old_value AS old_value,
  CASE WHEN r.pack_rows IS NULL THEN r.new_value
    ELSE '{"kpiId":' || json_quote(substr(r.entity_id, 1, length(r.entity_id) - 1)) ||
      ',"period":' || json_quote(e.value ->> 0) || ',"value":' || (e.value -> 1) ||
      ',"comment":' || json_quote(e.value ->> 2) ||
      ',"enteredBy":' || json_quote(coalesce(e.value ->> 3, r.pack_entered_by)) ||
      ',"enteredAt":' || json_quote(coalesce(e.value ->> 4, r.pack_entered_at)) ||
      CASE WHEN r.pack_source IS NULL THEN '' ELSE ',"source":' || json_quote(r.pack_source) END ||
      '}' END AS new_value,
  r.at AS at,
  r.device_id AS device_id`;

/** An entry's place in writing order. */
export const ENTRY_POSITION = `r.rn * ${PACK_LIMIT} + coalesce(e.key, 0)`;

/** Entries unfolded from the stored rows `filter` selects (a condition on `change_log_rows`). */
export function entriesOf(filter: string, extraColumns = ''): string {
  return `SELECT ${ENTRY_COLUMNS}${extraColumns}
    FROM (SELECT rowid AS rn, * FROM change_log_rows WHERE ${filter}) AS r
    LEFT JOIN json_each(r.pack_rows) AS e`;
}

/** The view, its index and its append-only triggers, over `change_log_rows`. */
function viewAndTriggers(): string {
  return `
    CREATE INDEX change_log_rows_by_entity ON change_log_rows (entity, entity_id);
    CREATE TRIGGER change_log_rows_no_update BEFORE UPDATE ON change_log_rows
    BEGIN
      SELECT RAISE(ABORT, 'The change log is append-only: entries cannot be changed');
    END;
    CREATE TRIGGER change_log_rows_no_delete BEFORE DELETE ON change_log_rows
    BEGIN
      SELECT RAISE(ABORT, 'The change log is append-only: entries cannot be deleted');
    END;

    CREATE VIEW change_log AS SELECT ${ENTRY_COLUMNS}
      FROM (SELECT rowid AS rn, * FROM change_log_rows) AS r
      LEFT JOIN json_each(r.pack_rows) AS e;
    CREATE TRIGGER change_log_no_update INSTEAD OF UPDATE ON change_log
    BEGIN
      SELECT RAISE(ABORT, 'The change log is append-only: entries cannot be changed');
    END;
    CREATE TRIGGER change_log_no_delete INSTEAD OF DELETE ON change_log
    BEGIN
      SELECT RAISE(ABORT, 'The change log is append-only: entries cannot be deleted');
    END;
    -- A plain INSERT (the shell, an old tool) still adds one entry.
    CREATE TRIGGER change_log_insert INSTEAD OF INSERT ON change_log
    BEGIN
      INSERT INTO change_log_rows (id, entity, entity_id, operation, old_value, new_value, at,
        device_id)
      VALUES (NEW.id, NEW.entity, NEW.entity_id, NEW.operation, NEW.old_value, NEW.new_value,
        NEW.at, NEW.device_id);
    END;`;
}

/** Whether the file's change log is the packed one (a view over change_log_rows). */
export function isPacked(db: Db): boolean {
  return (
    db
      .prepare<[], number>(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'change_log_rows'",
      )
      .pluck()
      .get() === 1
  );
}

/**
 * Rebuilds the stored rows with `entityList` as the accepted kinds, every row kept with its
 * rowid (an entry's position is made from it). Inside the caller's transaction.
 */
export function rebuildPackedLog(db: Db, entityList: string): void {
  db.exec(`
    DROP VIEW change_log;
    ${rowsTable('change_log_new', entityList)};
    INSERT INTO change_log_new (rowid, id, entity, entity_id, operation, old_value, new_value,
      at, device_id, pack_rows, pack_first, pack_entered_by, pack_entered_at, pack_source)
      SELECT rowid, id, entity, entity_id, operation, old_value, new_value, at, device_id,
        pack_rows, pack_first, pack_entered_by, pack_entered_at, pack_source
      FROM change_log_rows ORDER BY rowid;
    DROP TABLE change_log_rows;
    ALTER TABLE change_log_new RENAME TO change_log_rows;
    ${viewAndTriggers()}
  `);
}

/**
 * The migration: the table's entries become `change_log_rows` (one entry each, rowids kept, so
 * an entry's position is its old rowid × 4096), `change_log` the view; positions team sync has
 * stored are converted. Inside the migration's transaction, after the backup.
 */
export function packChangeLog(db: Db, entityList: string): void {
  db.exec(`
    ${rowsTable('change_log_new', entityList)};
    INSERT INTO change_log_new (rowid, id, entity, entity_id, operation, old_value, new_value,
      at, device_id)
      SELECT rowid, id, entity, entity_id, operation, old_value, new_value, at, device_id
      FROM change_log ORDER BY rowid;
    DROP TABLE change_log;
    ALTER TABLE change_log_new RENAME TO change_log_rows;
    ${viewAndTriggers()}
  `);
  const syncLink = db
    .prepare<[], number>(
      "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sync_link'",
    )
    .pluck()
    .get();
  if (syncLink === 1)
    db.exec(`UPDATE sync_link SET stamped_through = stamped_through * ${PACK_LIMIT}`);
}
