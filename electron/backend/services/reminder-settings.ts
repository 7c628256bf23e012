import { ApiError } from '@shared/api/errors';
import type { MethodInput } from '@shared/api/contract';
import type { WorkspaceReminderSettings } from '@shared/reminders/types';
import {
  deleteReview,
  readReminderSettings,
  writeDefaults,
  writeOverride,
  writeReview,
} from '../reminders/settings-store';
import type { Tx } from '../store/change-log';
import type { Db } from '../workspace/connection';

// A workspace's reminder settings: when data is due, per-KPI exceptions, review meetings.
// Each change is one transaction with its change-log entry; each answer is the settings after.

function requireRow(db: Db, table: 'kpis' | 'scorecards', id: string, what: string): void {
  if (!db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id))
    throw new ApiError({
      code: 'NOT_FOUND',
      message: `That ${what} no longer exists in this workspace.`,
    });
}

export function reminderSettings(tx: Tx): WorkspaceReminderSettings {
  return readReminderSettings(tx.db);
}

function change(tx: Tx, write: () => void): WorkspaceReminderSettings {
  tx.db.transaction(write)();
  return reminderSettings(tx);
}

export function setDefaults(
  tx: Tx,
  input: MethodInput<'reminders.setDefaults'>,
): WorkspaceReminderSettings {
  return change(tx, () => {
    writeDefaults(tx, input);
  });
}

export function setKpiOverride(
  tx: Tx,
  { kpiId, mode, graceDays, timeOfDay }: MethodInput<'reminders.setKpiOverride'>,
): WorkspaceReminderSettings {
  return change(tx, () => {
    requireRow(tx.db, 'kpis', kpiId, 'KPI');
    if (mode === 'custom' && graceDays === null && timeOfDay === null)
      throw new ApiError({
        code: 'VALIDATION',
        field: 'graceDays',
        message: 'Grace period: give a number of days or a time of day for a custom reminder',
      });
    writeOverride(tx, kpiId, mode === 'default' ? null : { kpiId, mode, graceDays, timeOfDay });
  });
}

export function setReview(
  tx: Tx,
  input: MethodInput<'reminders.setReview'>,
): WorkspaceReminderSettings {
  return change(tx, () => {
    requireRow(tx.db, 'scorecards', input.scorecardId, 'scorecard');
    writeReview(tx, input);
  });
}

export function removeReview(tx: Tx, scorecardId: string): WorkspaceReminderSettings {
  return change(tx, () => {
    deleteReview(tx, scorecardId);
  });
}
