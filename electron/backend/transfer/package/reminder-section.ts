import type { PackageReminderSettings } from '@shared/transfer/package-schema';
import type { Db } from '../../workspace/connection';
import {
  readOverrides,
  readReviews,
  readStoredDefaults,
  writeDefaults,
  writeOverride,
  writeReview,
} from '../../reminders/settings-store';
import type { Tx } from '../../store/change-log';

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
export function writeReminderSection(tx: Tx, section: PackageReminderSettings): void {
  const { defaults } = section;
  if (defaults)
    writeDefaults(
      tx,
      {
        enabled: defaults.dataDueEnabled,
        graceDays: defaults.graceDays,
        timeOfDay: defaults.timeOfDay,
      },
      true,
    );
  for (const row of section.kpiOverrides) writeOverride(tx, row.kpiId, row);
  for (const row of section.reviewSchedules) writeReview(tx, row);
}
