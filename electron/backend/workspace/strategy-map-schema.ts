// Schema "strategy map" (issue 17): links between objectives (cause → effect) and the places a
// user dragged objectives to on a scorecard's map; the change log accepts both.
//
// A link's ends are deleted with their objective (ON DELETE CASCADE; the objective's store logs
// each link it takes along first). A self-link and a second link between the same two
// objectives in the same direction are refused by the table as well as by the service, so no
// writer can store one. The reverse link (B → A next to A → B) and longer loops are allowed:
// see README "Strategy map" for why.
//
// The change log is rebuilt as in migration 5 (SQLite cannot alter a CHECK constraint); the
// list of entities is written out because a shipped migration never changes.

export const STRATEGY_MAP_SCHEMA = `
CREATE TABLE objective_links (
  id TEXT PRIMARY KEY,
  from_objective_id TEXT NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,
  to_objective_id TEXT NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,
  label TEXT NOT NULL DEFAULT '' CHECK (length(label) <= 200),
  created_at TEXT NOT NULL,
  CHECK (from_objective_id <> to_objective_id),
  UNIQUE (from_objective_id, to_objective_id)
) STRICT;
CREATE INDEX objective_links_by_target ON objective_links (to_objective_id);

CREATE TABLE map_positions (
  scorecard_id TEXT NOT NULL REFERENCES scorecards (id) ON DELETE CASCADE,
  objective_id TEXT NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,
  x REAL NOT NULL CHECK (abs(x) <= 1e6),
  y REAL NOT NULL CHECK (abs(y) <= 1e6),
  PRIMARY KEY (scorecard_id, objective_id)
) STRICT;
CREATE INDEX map_positions_by_objective ON map_positions (objective_id);

CREATE TABLE change_log_map (
  id TEXT PRIMARY KEY,
  entity TEXT NOT NULL
    CHECK (entity IN ('workspace', 'scorecard', 'perspective', 'objective', 'kpi', 'value',
      'action_plan', 'reminder_defaults', 'kpi_reminder', 'review_schedule', 'report_options',
      'objective_link', 'map_position')),
  entity_id TEXT NOT NULL,
  operation TEXT NOT NULL CHECK (operation IN ('insert', 'update', 'delete')),
  old_value TEXT CHECK (old_value IS NULL OR json_valid(old_value)),
  new_value TEXT CHECK (new_value IS NULL OR json_valid(new_value)),
  at TEXT NOT NULL,
  device_id TEXT NOT NULL
) STRICT;

INSERT INTO change_log_map (id, entity, entity_id, operation, old_value, new_value, at, device_id)
  SELECT id, entity, entity_id, operation, old_value, new_value, at, device_id
  FROM change_log ORDER BY rowid;

DROP TABLE change_log;
ALTER TABLE change_log_map RENAME TO change_log;
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
