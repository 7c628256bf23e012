import type { Reminder } from './types';

/**
 * A reminder as a plain object with every field its own, plus `extra`. Data-due reminders form
 * their texts in getters, which a spread, JSON or a structured clone (Electron's IPC) would not
 * carry, so whatever leaves the process is made here.
 */
export function plainReminder<Extra extends object>(
  reminder: Reminder,
  extra: Extra,
): Reminder & Extra {
  return {
    key: reminder.key,
    kind: reminder.kind,
    workspacePath: reminder.workspacePath,
    workspaceName: reminder.workspaceName,
    dueAt: reminder.dueAt,
    title: reminder.title,
    detail: reminder.detail,
    kpiId: reminder.kpiId,
    scorecardId: reminder.scorecardId,
    period: reminder.period,
    owner: reminder.owner,
    ...(reminder.alert ? { alert: reminder.alert } : {}),
    ...extra,
  };
}
