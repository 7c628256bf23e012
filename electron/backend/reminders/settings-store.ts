import {
  DEFAULT_DATA_DUE,
  type DataDueDefaults,
  type KpiReminderOverride,
  type ReviewCadence,
  type ReviewSchedule,
  type WorkspaceReminderSettings,
} from '@shared/reminders/types';
import { schemaVersionOf } from '../workspace/migrations';
import type { Tx } from '../store/change-log';
import type { Db } from '../workspace/connection';
import { REMINDER_SCHEMA_VERSION } from './schema';

// Reading and writing a workspace's reminder settings; each write with its change-log entry
// (entities 'reminder_defaults', id 'defaults'; 'kpi_reminder' by KPI id; 'review_schedule' by
// scorecard id). A file older than schema 4 (a recent
// workspace read without being opened, so never migrated) has none: it gets the defaults.

interface DefaultsRow {
  data_due_enabled: number;
  grace_days: number;
  time_of_day: string;
}
interface OverrideRow {
  kpi_id: string;
  mode: 'off' | 'custom';
  grace_days: number | null;
  time_of_day: string | null;
}
interface ReviewRow {
  scorecard_id: string;
  cadence: ReviewCadence;
  interval_weeks: number;
  start_date: string;
  time_of_day: string;
  lead_days: number;
  prepare: string;
}

export function hasReminderTables(db: Db): boolean {
  return schemaVersionOf(db) >= REMINDER_SCHEMA_VERSION;
}

/** The workspace's own defaults, or null when it never changed them. */
export function readStoredDefaults(db: Db): DataDueDefaults | null {
  const row = db
    .prepare<[], DefaultsRow>(
      'SELECT data_due_enabled, grace_days, time_of_day FROM reminder_defaults',
    )
    .get();
  return row
    ? { enabled: row.data_due_enabled === 1, graceDays: row.grace_days, timeOfDay: row.time_of_day }
    : null;
}

/** Every KPI override, in KPI id order. */
export function readOverrides(db: Db): KpiReminderOverride[] {
  return db
    .prepare<[], OverrideRow>(
      'SELECT kpi_id, mode, grace_days, time_of_day FROM kpi_reminder_overrides ORDER BY kpi_id',
    )
    .all()
    .map((row) => ({
      kpiId: row.kpi_id,
      mode: row.mode,
      graceDays: row.grace_days,
      timeOfDay: row.time_of_day,
    }));
}

/** Every review schedule, in scorecard id order. */
export function readReviews(db: Db): ReviewSchedule[] {
  return db
    .prepare<[], ReviewRow>(
      `SELECT scorecard_id, cadence, interval_weeks, start_date, time_of_day, lead_days, prepare
       FROM review_schedules ORDER BY scorecard_id`,
    )
    .all()
    .map((row) => ({
      scorecardId: row.scorecard_id,
      cadence: row.cadence,
      intervalWeeks: row.interval_weeks,
      startDate: row.start_date,
      timeOfDay: row.time_of_day,
      leadDays: row.lead_days,
      prepare: row.prepare,
    }));
}

export function readReminderSettings(db: Db): WorkspaceReminderSettings {
  if (!hasReminderTables(db)) return { dataDue: DEFAULT_DATA_DUE, overrides: [], reviews: [] };
  return {
    dataDue: readStoredDefaults(db) ?? DEFAULT_DATA_DUE,
    overrides: readOverrides(db),
    reviews: readReviews(db),
  };
}

/** The change-log entity id of the workspace-wide defaults (one row). */
export const DEFAULTS_ID = 'defaults';

/** Stores the defaults; `onlyIfNone`: unless the workspace has its own (a package's). */
export function writeDefaults(
  { db, changes }: Tx,
  defaults: DataDueDefaults,
  onlyIfNone = false,
): void {
  const before = readStoredDefaults(db);
  if (before && onlyIfNone) return;
  db.prepare(
    `INSERT INTO reminder_defaults (id, data_due_enabled, grace_days, time_of_day) VALUES (1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET data_due_enabled = excluded.data_due_enabled,
       grace_days = excluded.grace_days, time_of_day = excluded.time_of_day`,
  ).run(defaults.enabled ? 1 : 0, defaults.graceDays, defaults.timeOfDay);
  const after: DataDueDefaults = {
    enabled: defaults.enabled,
    graceDays: defaults.graceDays,
    timeOfDay: defaults.timeOfDay,
  };
  if (before) changes.recordUpdate('reminder_defaults', DEFAULTS_ID, before, after);
  else changes.record('reminder_defaults', DEFAULTS_ID, 'insert', null, after);
}

function findOverride(db: Db, kpiId: string): KpiReminderOverride | null {
  return readOverrides(db).find((row) => row.kpiId === kpiId) ?? null;
}

function findReview(db: Db, scorecardId: string): ReviewSchedule | null {
  return readReviews(db).find((row) => row.scorecardId === scorecardId) ?? null;
}

/** Stores a KPI's override; `null` puts the KPI back on the workspace defaults. */
export function writeOverride(
  { db, changes }: Tx,
  kpiId: string,
  override: KpiReminderOverride | null,
): void {
  const before = findOverride(db, kpiId);
  if (override === null) {
    if (!before) return;
    db.prepare('DELETE FROM kpi_reminder_overrides WHERE kpi_id = ?').run(kpiId);
    changes.record('kpi_reminder', kpiId, 'delete', before, null);
    return;
  }
  db.prepare(
    `INSERT INTO kpi_reminder_overrides (kpi_id, mode, grace_days, time_of_day) VALUES (?, ?, ?, ?)
     ON CONFLICT (kpi_id) DO UPDATE SET mode = excluded.mode, grace_days = excluded.grace_days,
       time_of_day = excluded.time_of_day`,
  ).run(kpiId, override.mode, override.graceDays, override.timeOfDay);
  const after: KpiReminderOverride = {
    kpiId,
    mode: override.mode,
    graceDays: override.graceDays,
    timeOfDay: override.timeOfDay,
  };
  if (before) changes.recordUpdate('kpi_reminder', kpiId, before, after);
  else changes.record('kpi_reminder', kpiId, 'insert', null, after);
}

export function writeReview({ db, changes }: Tx, review: ReviewSchedule): void {
  const before = findReview(db, review.scorecardId);
  db.prepare(
    `INSERT INTO review_schedules
       (scorecard_id, cadence, interval_weeks, start_date, time_of_day, lead_days, prepare)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (scorecard_id) DO UPDATE SET cadence = excluded.cadence,
       interval_weeks = excluded.interval_weeks, start_date = excluded.start_date,
       time_of_day = excluded.time_of_day, lead_days = excluded.lead_days,
       prepare = excluded.prepare`,
  ).run(
    review.scorecardId,
    review.cadence,
    review.intervalWeeks,
    review.startDate,
    review.timeOfDay,
    review.leadDays,
    review.prepare,
  );
  const after = findReview(db, review.scorecardId);
  if (before && after) changes.recordUpdate('review_schedule', review.scorecardId, before, after);
  else changes.record('review_schedule', review.scorecardId, 'insert', null, after);
}

export function deleteReview({ db, changes }: Tx, scorecardId: string): void {
  const before = findReview(db, scorecardId);
  if (!before) return;
  db.prepare('DELETE FROM review_schedules WHERE scorecard_id = ?').run(scorecardId);
  changes.record('review_schedule', scorecardId, 'delete', before, null);
}
