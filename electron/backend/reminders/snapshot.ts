import { oldestPeriodsRead } from '@shared/reminders/alert-status';
import type { WorkspaceSnapshot } from '@shared/reminders/types';
import type { Frequency } from '@shared/domain/kpi';
import { readMeta } from '../workspace/workspace';
import { MIGRATIONS, latestVersion, schemaVersionOf } from '../workspace/migrations';
import type { Db } from '../workspace/connection';
import { memoByDataState } from '../store/data-state';
import { readAlertInputs } from './alert-inputs';
import { readReminderSettings } from './settings-store';

// What the schedule needs from one workspace file, in a few reads.

interface KpiRow {
  id: string;
  name: string;
  owner: string;
  frequency: Frequency;
  entered: number;
}

/**
 * Reads the snapshot. Only values from `fromYear` on are read (period keys start with their
 * year): older periods are outside every schedule window. Without `alerts` the scoring reads
 * are skipped (the dashboard's due values need only the dates).
 */
export function readSnapshot(
  db: Db,
  path: string,
  fromYear: number,
  alerts = true,
): WorkspaceSnapshot {
  // Schema 1 had no formulas; a calculated KPI's values are computed, never entered.
  const formula = schemaVersionOf(db) >= 2 ? 'k.formula IS NULL' : '1';
  const kpiRows = db
    .prepare<[], KpiRow>(
      `SELECT k.id, k.name, k.owner, k.frequency,
         (${formula} AND (k.rollup = 'manual'
           OR NOT EXISTS (SELECT 1 FROM kpis c WHERE c.parent_kpi_id = k.id))) AS entered
       FROM kpis k ORDER BY k.name`,
    )
    .all();
  const valueRows = db
    .prepare<[string], { kpi_id: string; period: string }>(
      'SELECT kpi_id, period FROM kpi_values WHERE period >= ?',
    )
    .all(String(fromYear));
  const periods = new Map<string, Set<string>>();
  for (const row of valueRows) {
    let set = periods.get(row.kpi_id);
    if (!set) periods.set(row.kpi_id, (set = new Set()));
    set.add(row.period);
  }
  const scorecards = db
    .prepare<[], { id: string; name: string }>('SELECT id, name FROM scorecards')
    .all();
  const made = madeAt(db);
  return {
    path,
    name: readMeta(db).name,
    kpis: kpiRows.map((row) => ({
      id: row.id,
      name: row.name,
      owner: row.owner,
      frequency: row.frequency,
      entered: row.entered === 1,
      periodsWithValue: periods.get(row.id) ?? new Set(),
      ...(made.has(row.id) ? { createdMs: made.get(row.id) } : {}),
    })),
    scorecards,
    settings: readReminderSettings(db),
    ...(alerts ? alertsOf(db, fromYear) : {}),
  };
}

/**
 * readSnapshot of the open workspace, kept while its data is unchanged (store/data-state.ts):
 * the inbox is read by every page load and after every change, and each read scored the whole
 * workspace again for its alerts (about 160 ms a read on the 500-KPI benchmark workspace, on
 * the server the page was waiting on). The kept snapshot is shared: callers must not change it.
 */
export function keptSnapshot(db: Db, path: string, fromYear: number): WorkspaceSnapshot {
  // Inside a caller's transaction uncommitted writes may be seen: reuse, but keep nothing.
  const keep = !db.inTransaction;
  const key = JSON.stringify(['reminder-snapshot', path, fromYear]);
  return db.transaction(() =>
    memoByDataState(db, key, keep, () => readSnapshot(db, path, fromYear)),
  )();
}

/** When each KPI was made, from the change log's insert entries (epoch ms). */
function madeAt(db: Db): Map<string, number> {
  const rows = db
    .prepare<[], { entity_id: string; at: string }>(
      `SELECT entity_id, MIN(at) AS at FROM change_log
       WHERE entity = 'kpi' AND operation = 'insert' GROUP BY entity_id`,
    )
    .all();
  const made = new Map<string, number>();
  for (const row of rows) {
    const ms = Date.parse(row.at);
    if (!Number.isNaN(ms)) made.set(row.entity_id, ms);
  }
  return made;
}

/**
 * The scoring reads expect the current schema; a recent file not yet upgraded (it is read
 * without migrating) gets its due-date reminders but no alerts until it is next opened.
 */
function alertsOf(db: Db, fromYear: number): Pick<WorkspaceSnapshot, 'alerts'> {
  if (schemaVersionOf(db) !== latestVersion(MIGRATIONS)) return {};
  // Alerts look back less far than `fromYear` reaches, so its first day is a safe lower bound.
  return { alerts: readAlertInputs(db, oldestPeriodsRead(`${String(fromYear)}-01-01`)) };
}
