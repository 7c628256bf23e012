import {
  DEFAULT_DATA_DUE,
  type DataDueDefaults,
  type KpiReminderOverride,
  type ReviewCadence,
  type ReviewSchedule,
  type WorkspaceReminderSettings,
} from '@shared/reminders/types';
import { schemaVersionOf, type Db } from '../workspace/migrations';
import { REMINDER_SCHEMA_VERSION } from './schema';

// Reading and writing a workspace's reminder settings. A file older than schema 4 (a recent
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

export function writeDefaults(db: Db, defaults: DataDueDefaults): void {
  db.prepare(
    `INSERT INTO reminder_defaults (id, data_due_enabled, grace_days, time_of_day) VALUES (1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET data_due_enabled = excluded.data_due_enabled,
       grace_days = excluded.grace_days, time_of_day = excluded.time_of_day`,
  ).run(defaults.enabled ? 1 : 0, defaults.graceDays, defaults.timeOfDay);
}

/** Stores a KPI's override; `null` puts the KPI back on the workspace defaults. */
export function writeOverride(db: Db, kpiId: string, override: KpiReminderOverride | null): void {
  if (override === null) {
    db.prepare('DELETE FROM kpi_reminder_overrides WHERE kpi_id = ?').run(kpiId);
    return;
  }
  db.prepare(
    `INSERT INTO kpi_reminder_overrides (kpi_id, mode, grace_days, time_of_day) VALUES (?, ?, ?, ?)
     ON CONFLICT (kpi_id) DO UPDATE SET mode = excluded.mode, grace_days = excluded.grace_days,
       time_of_day = excluded.time_of_day`,
  ).run(kpiId, override.mode, override.graceDays, override.timeOfDay);
}

export function writeReview(db: Db, review: ReviewSchedule): void {
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
}

export function deleteReview(db: Db, scorecardId: string): void {
  db.prepare('DELETE FROM review_schedules WHERE scorecard_id = ?').run(scorecardId);
}
