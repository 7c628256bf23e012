// Reminders and alerts: the schedule, the inbox, calendar export.
// Merged into the one contract in contract.ts.

export const reminderContract = {} as const;
