import type { PackageReminderSettings } from '@shared/transfer/package-schema';
import type { Db } from '../../workspace/migrations';
import { hasTable } from './tables';

// The package's optional reminder settings section ↔ the schema-v4 tables. Read straight from
// the tables (not through the reminder settings reader, which fills in the app's defaults) so
// "never changed" survives a round trip as `defaults: null`.

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
  cadence: 'monthly' | 'quarterly' | 'custom';
  interval_weeks: number;
  start_date: string;
  time_of_day: string;
  lead_days: number;
  prepare: string;
}

export function hasReminderTables(db: Db): boolean {
  return hasTable(db, 'reminder_defaults');
}

export function readReminderSection(
  db: Db,
  kpiIds: ReadonlySet<string>,
  scorecardIds: ReadonlySet<string>,
): PackageReminderSettings {
  const defaults = db
    .prepare<[], DefaultsRow>('SELECT * FROM reminder_defaults WHERE id = 1')
    .get();
  return {
    defaults: defaults
      ? {
          dataDueEnabled: defaults.data_due_enabled === 1,
          graceDays: defaults.grace_days,
          timeOfDay: defaults.time_of_day,
        }
      : null,
    kpiOverrides: db
      .prepare<[], OverrideRow>('SELECT * FROM kpi_reminder_overrides ORDER BY kpi_id')
      .all()
      .filter((row) => kpiIds.has(row.kpi_id))
      .map((row) => ({
        kpiId: row.kpi_id,
        mode: row.mode,
        graceDays: row.grace_days,
        timeOfDay: row.time_of_day,
      })),
    reviewSchedules: db
      .prepare<[], ReviewRow>('SELECT * FROM review_schedules ORDER BY scorecard_id')
      .all()
      .filter((row) => scorecardIds.has(row.scorecard_id))
      .map((row) => ({
        scorecardId: row.scorecard_id,
        cadence: row.cadence,
        intervalWeeks: row.interval_weeks,
        startDate: row.start_date,
        timeOfDay: row.time_of_day,
        leadDays: row.lead_days,
        prepare: row.prepare,
      })),
  };
}

/**
 * Writes the section's rows. The workspace-wide defaults are taken only when the workspace has
 * none of its own: importing a client's scorecard must not change how the rest is reminded.
 */
export function writeReminderSection(db: Db, section: PackageReminderSettings): void {
  const { defaults } = section;
  if (defaults) {
    db.prepare(
      `INSERT INTO reminder_defaults (id, data_due_enabled, grace_days, time_of_day)
       VALUES (1, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    ).run(defaults.dataDueEnabled ? 1 : 0, defaults.graceDays, defaults.timeOfDay);
  }
  const override = db.prepare(
    `INSERT INTO kpi_reminder_overrides (kpi_id, mode, grace_days, time_of_day)
     VALUES (@kpiId, @mode, @graceDays, @timeOfDay)`,
  );
  for (const row of section.kpiOverrides) override.run(row);
  const review = db.prepare(
    `INSERT INTO review_schedules
       (scorecard_id, cadence, interval_weeks, start_date, time_of_day, lead_days, prepare)
     VALUES (@scorecardId, @cadence, @intervalWeeks, @startDate, @timeOfDay, @leadDays, @prepare)`,
  );
  for (const row of section.reviewSchedules) review.run(row);
}
