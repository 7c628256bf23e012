import { z } from 'zod';
import type { ReminderInbox, ReminderClaim } from '../reminders/api';
import {
  defaultsInput,
  inboxInput,
  overrideInput,
  preferencesInput,
  reminderKeySchema,
  reviewInput,
  snoozeInput,
  timeZoneSchema,
  localeSchema,
  whereInput,
} from '../reminders/api';
import type { ReminderPreferences, WorkspaceReminderSettings } from '../reminders/types';
import { idSchema } from './schemas';
import { method } from './method';

// Reminders and alerts: the schedule, the inbox, calendar export.
// Merged into the one contract in contract.ts.
//
// The caller passes its IANA time zone: the renderer's is the user's (in browser mode too),
// and a change of the system zone is then picked up at the next call.

export const reminderContract = {
  /** Every reminder of every recent workspace (no workspace needs to be open). */
  'reminders.inbox': method<ReminderInbox>()(inboxInput),
  /**
   * For the notifier (the Electron shell): what to notify now, marked shown before it is
   * returned, so a second window, a second timer or a restart never repeats it.
   */
  'reminders.claimDue': method<ReminderClaim>()(whereInput),
  'reminders.markDone': method<null>()(z.strictObject({ key: reminderKeySchema })),
  'reminders.dismiss': method<null>()(z.strictObject({ key: reminderKeySchema })),
  /** Returns when the reminder comes back (UTC ISO). */
  'reminders.snooze': method<{ until: string }>()(snoozeInput),
  'reminders.dismissNote': method<null>()(
    z.strictObject({ id: z.string({ error: 'Note must be named by its id' }).min(1).max(2000) }),
  ),
  /** Quiet hours and pause: this computer's, for every workspace. */
  'reminders.preferences': method<ReminderPreferences>()(z.strictObject({})),
  'reminders.setPreferences': method<ReminderPreferences>()(preferencesInput),
  /** The open workspace's reminder settings: defaults, per-KPI overrides, reviews. */
  'reminders.settings': method<WorkspaceReminderSettings>()(z.strictObject({})),
  'reminders.setDefaults': method<WorkspaceReminderSettings>()(defaultsInput),
  'reminders.setKpiOverride': method<WorkspaceReminderSettings>()(overrideInput),
  'reminders.setReview': method<WorkspaceReminderSettings>()(reviewInput),
  'reminders.removeReview': method<WorkspaceReminderSettings>()(
    z.strictObject({ scorecardId: idSchema }),
  ),
  /** An .ics calendar of the open workspace's due dates and reviews in the coming days. */
  'reminders.exportIcs': method<{ fileName: string; content: string }>()(
    z.strictObject({
      timeZone: timeZoneSchema,
      locale: localeSchema.optional(),
      days: z
        .number({ error: 'Days must be a number' })
        .int()
        .min(1, { error: 'Days must be 1 to 366' })
        .max(366, { error: 'Days must be 1 to 366' })
        .default(90),
    }),
  ),
} as const;
