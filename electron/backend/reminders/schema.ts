// Schema version 4 of the workspace file: reminder settings (issue 6). They belong to the
// workspace, not to the computer: the consultant who sets "Revenue is due 5 days after month
// end" for a client wants the client's copy of the file to say the same.
//
// Each row extends the record it hangs from (a KPI, a scorecard) and is keyed by that record's
// UUIDv7, like a value is keyed by its KPI and period; deleting the record deletes the row.
// The workspace-wide defaults are one row (id = 1); no row means the app's defaults.

const time = (column: string) => `${column} GLOB '[0-2][0-9]:[0-5][0-9]'`;

export const REMINDER_SCHEMA_VERSION = 4;

export const REMINDER_SCHEMA = `
CREATE TABLE reminder_defaults (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  data_due_enabled INTEGER NOT NULL CHECK (data_due_enabled IN (0, 1)),
  grace_days INTEGER NOT NULL CHECK (grace_days BETWEEN 0 AND 90),
  time_of_day TEXT NOT NULL CHECK (${time('time_of_day')})
) STRICT;

CREATE TABLE kpi_reminder_overrides (
  kpi_id TEXT PRIMARY KEY REFERENCES kpis (id) ON DELETE CASCADE,
  mode TEXT NOT NULL CHECK (mode IN ('off', 'custom')),
  grace_days INTEGER CHECK (grace_days IS NULL OR grace_days BETWEEN 0 AND 90),
  time_of_day TEXT CHECK (time_of_day IS NULL OR ${time('time_of_day')})
) STRICT;

CREATE TABLE review_schedules (
  scorecard_id TEXT PRIMARY KEY REFERENCES scorecards (id) ON DELETE CASCADE,
  cadence TEXT NOT NULL CHECK (cadence IN ('monthly', 'quarterly', 'custom')),
  interval_weeks INTEGER NOT NULL DEFAULT 1 CHECK (interval_weeks BETWEEN 1 AND 52),
  start_date TEXT NOT NULL CHECK (date(start_date) IS start_date),
  time_of_day TEXT NOT NULL CHECK (${time('time_of_day')}),
  lead_days INTEGER NOT NULL DEFAULT 1 CHECK (lead_days BETWEEN 0 AND 30),
  prepare TEXT NOT NULL DEFAULT '' CHECK (length(prepare) <= 2000)
) STRICT;
`;
