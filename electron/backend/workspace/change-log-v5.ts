// Schema version 5: the change log accepts every entity the app writes (issue 14), so action
// plans, reminder settings and report options are logged like scorecards and values.
//
// SQLite cannot alter a CHECK constraint, so the table is rebuilt: a new table with the wider
// list, every entry copied in the order it was written, the old table dropped (its index and
// triggers go with it) and the new one renamed, then the index and the triggers made again.
// It runs inside the migration's transaction, after the backup taken before any migration.
//
// The list is written out here rather than taken from CHANGE_ENTITIES: a shipped migration
// never changes, and a later entity needs a migration of its own.

export const CHANGE_LOG_V5 = `
CREATE TABLE change_log_v5 (
  id TEXT PRIMARY KEY,
  entity TEXT NOT NULL
    CHECK (entity IN ('workspace', 'scorecard', 'perspective', 'objective', 'kpi', 'value',
      'action_plan', 'reminder_defaults', 'kpi_reminder', 'review_schedule', 'report_options')),
  entity_id TEXT NOT NULL,
  operation TEXT NOT NULL CHECK (operation IN ('insert', 'update', 'delete')),
  old_value TEXT CHECK (old_value IS NULL OR json_valid(old_value)),
  new_value TEXT CHECK (new_value IS NULL OR json_valid(new_value)),
  at TEXT NOT NULL,
  device_id TEXT NOT NULL
) STRICT;

INSERT INTO change_log_v5 (id, entity, entity_id, operation, old_value, new_value, at, device_id)
  SELECT id, entity, entity_id, operation, old_value, new_value, at, device_id
  FROM change_log ORDER BY rowid;

DROP TABLE change_log;
ALTER TABLE change_log_v5 RENAME TO change_log;
CREATE INDEX change_log_by_entity ON change_log (entity, entity_id);

CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN
  SELECT RAISE(ABORT, 'The change log is append-only: entries cannot be changed');
END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN
  SELECT RAISE(ABORT, 'The change log is append-only: entries cannot be deleted');
END;
`;
