import {
  AGGREGATIONS,
  DIRECTIONS,
  FREQUENCIES,
  INDICATOR_TIMINGS,
  KPI_TYPES,
  MEASURE_KINDS,
  ROLLUPS,
  THRESHOLD_MODES,
  UNIT_FORMATS,
} from '@shared/domain/kpi';

// Schema version 1 of the workspace file.
//
// Decisions written down once (ARCHITECTURE.md "Workspace file"):
// - Keys are UUIDv7 TEXT made by the backend where a record is created, never autoincrement
//   integers, so records can later be merged across devices without renumbering.
// - A value is keyed by (KPI id, canonical period key) such as `2026-03` or `2026-Q1`.
// - Money, ratios and every other measured number are REAL (IEEE double). Values are entered
//   by people with a handful of decimals and rounded for display by the KPI's `decimals`, so the
//   representation error of a double (~1e-15 relative) never reaches the screen; integers of
//   minor units would force a currency-specific scale onto non-money KPIs.
// - The change log is append-only: triggers refuse UPDATE and DELETE on it.
// - CHECK constraints repeat the vocabulary lists of shared/domain/kpi.ts, so a file edited by
//   another tool cannot hold a direction or frequency the app does not know.

/** `'a', 'b', 'c'` for a CHECK (... IN (...)) list; the values are our own constants. */
function sqlList(values: readonly string[]): string {
  return values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', ');
}

const name = (column: string) =>
  `${column} TEXT NOT NULL CHECK (length(${column}) BETWEEN 1 AND 200)`;
const weight = 'weight REAL NOT NULL DEFAULT 1 CHECK (weight BETWEEN 0 AND 1000)';
const position = 'position INTEGER NOT NULL DEFAULT 0';

export const SCHEMA_V1 = `
CREATE TABLE workspace_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE scorecards (
  id TEXT PRIMARY KEY,
  parent_id TEXT REFERENCES scorecards (id) ON DELETE CASCADE,
  ${name('name')},
  description TEXT NOT NULL DEFAULT '',
  ${position},
  CHECK (parent_id IS NULL OR parent_id <> id)
) STRICT;
CREATE INDEX scorecards_by_parent ON scorecards (parent_id, position);

CREATE TABLE perspectives (
  id TEXT PRIMARY KEY,
  scorecard_id TEXT NOT NULL REFERENCES scorecards (id) ON DELETE CASCADE,
  ${name('name')},
  ${weight},
  ${position}
) STRICT;
CREATE INDEX perspectives_by_scorecard ON perspectives (scorecard_id, position);

CREATE TABLE objectives (
  id TEXT PRIMARY KEY,
  perspective_id TEXT NOT NULL REFERENCES perspectives (id) ON DELETE CASCADE,
  ${name('name')},
  description TEXT NOT NULL DEFAULT '',
  ${weight},
  ${position}
) STRICT;
CREATE INDEX objectives_by_perspective ON objectives (perspective_id, position);

CREATE TABLE kpis (
  id TEXT PRIMARY KEY,
  objective_id TEXT NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,
  -- A child KPI may live under another objective; deleting its parent only detaches it.
  parent_kpi_id TEXT REFERENCES kpis (id) ON DELETE SET NULL,
  ${name('name')},
  code TEXT NOT NULL UNIQUE CHECK (code GLOB '[a-z]*' AND length(code) <= 63),
  description TEXT NOT NULL DEFAULT '',
  unit_format TEXT NOT NULL CHECK (unit_format IN (${sqlList(UNIT_FORMATS)})),
  unit_currency TEXT CHECK (unit_currency IS NULL OR length(unit_currency) = 3),
  unit_suffix TEXT NOT NULL DEFAULT '',
  decimals INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 6),
  direction TEXT NOT NULL CHECK (direction IN (${sqlList(DIRECTIONS)})),
  frequency TEXT NOT NULL CHECK (frequency IN (${sqlList(FREQUENCIES)})),
  aggregation TEXT NOT NULL CHECK (aggregation IN (${sqlList(AGGREGATIONS)})),
  target REAL,
  target_min REAL,
  target_max REAL,
  baseline REAL,
  stretch_target REAL,
  threshold_mode TEXT NOT NULL CHECK (threshold_mode IN (${sqlList(THRESHOLD_MODES)})),
  threshold_on_track REAL NOT NULL,
  threshold_at_risk REAL NOT NULL,
  owner TEXT NOT NULL DEFAULT '',
  data_source TEXT NOT NULL DEFAULT '',
  kpi_type TEXT NOT NULL CHECK (kpi_type IN (${sqlList(KPI_TYPES)})),
  timing TEXT NOT NULL CHECK (timing IN (${sqlList(INDICATOR_TIMINGS)})),
  measure_kind TEXT NOT NULL CHECK (measure_kind IN (${sqlList(MEASURE_KINDS)})),
  ${weight},
  rollup TEXT NOT NULL CHECK (rollup IN (${sqlList(ROLLUPS)})),
  ${position},
  CHECK (parent_kpi_id IS NULL OR parent_kpi_id <> id)
) STRICT;
CREATE INDEX kpis_by_objective ON kpis (objective_id, position);
CREATE INDEX kpis_by_parent ON kpis (parent_kpi_id);

CREATE TABLE kpi_values (
  kpi_id TEXT NOT NULL REFERENCES kpis (id) ON DELETE CASCADE,
  period TEXT NOT NULL CHECK (length(period) BETWEEN 4 AND 10),
  value REAL NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  entered_by TEXT NOT NULL DEFAULT '',
  entered_at TEXT NOT NULL,
  PRIMARY KEY (kpi_id, period)
) STRICT, WITHOUT ROWID;

-- For a value, entity_id is '<kpi id>/<period key>', its natural key.
CREATE TABLE change_log (
  id TEXT PRIMARY KEY,
  entity TEXT NOT NULL
    CHECK (entity IN ('workspace', 'scorecard', 'perspective', 'objective', 'kpi', 'value')),
  entity_id TEXT NOT NULL,
  operation TEXT NOT NULL CHECK (operation IN ('insert', 'update', 'delete')),
  old_value TEXT CHECK (old_value IS NULL OR json_valid(old_value)),
  new_value TEXT CHECK (new_value IS NULL OR json_valid(new_value)),
  at TEXT NOT NULL,
  device_id TEXT NOT NULL
) STRICT;
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
