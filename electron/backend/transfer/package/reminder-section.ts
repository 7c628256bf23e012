import type { PackageReminderSettings } from '@shared/transfer/package-schema';
import type { Db } from '../../workspace/migrations';
import { readOverrides, readReviews, readStoredDefaults } from '../../reminders/settings-store';

// The package's optional reminder settings section ↔ the schema-v4 tables. The defaults are
// read as stored (not filled in with the app's), so "never changed" survives a round trip as
// `defaults: null`.

export { hasReminderTables } from '../../reminders/settings-store';

export function readReminderSection(
  db: Db,
  kpiIds: ReadonlySet<string>,
  scorecardIds: ReadonlySet<string>,
): PackageReminderSettings {
  const defaults = readStoredDefaults(db);
  return {
    defaults: defaults
      ? {
          dataDueEnabled: defaults.enabled,
          graceDays: defaults.graceDays,
          timeOfDay: defaults.timeOfDay,
        }
      : null,
    kpiOverrides: readOverrides(db).filter((row) => kpiIds.has(row.kpiId)),
    reviewSchedules: readReviews(db).filter((row) => scorecardIds.has(row.scorecardId)),
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
