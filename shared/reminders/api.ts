import { z } from 'zod';
import { idSchema } from '../api/schemas';
import {
  SNOOZE_CHOICES,
  type InboxCounts,
  type InboxItem,
  type InboxNote,
  type ReminderNotice,
} from './inbox';
import { INBOX_LIMIT, INBOX_PAGE } from './inbox-size';
import { isTimeOfDay, isValidZone } from './local-time';
import { REVIEW_CADENCES, type ReminderPreferences } from './types';

// Input schemas and outputs of the reminder methods. Messages name the field for the person
// filling the reminder settings form.

export interface ReminderInbox {
  /** Overdue and due first, then snoozed, then coming (the next 14 days): the first `limit`. */
  items: InboxItem[];
  /** How many open reminders there are in each state, listed in `items` or not. */
  counts: InboxCounts;
  /** The same counts per workspace path. */
  byWorkspace: Record<string, InboxCounts>;
  /** Workspaces dropped from the schedule (moved, deleted, unreadable). */
  notes: InboxNote[];
  preferences: ReminderPreferences;
  /** How many workspaces the reminders come from. */
  workspaces: number;
}

export interface ReminderClaim {
  /** Notifications to show now; they are already marked shown. */
  notices: ReminderNotice[];
  /** When to check again (UTC ISO); null when nothing is due in the coming days. */
  nextCheckAt: string | null;
}

export const timeZoneSchema = z
  .string({ error: 'Time zone must be text' })
  .max(64)
  .refine(isValidZone, { error: 'Time zone must be a name such as Europe/Berlin' });

/** The caller's locale for dates in reminder texts ("Monday 6 April"); the system's if left out. */
export const localeSchema = z
  .string({ error: 'Locale must be text' })
  .max(35)
  .refine(
    (tag) => {
      try {
        return Intl.DateTimeFormat.supportedLocalesOf([tag]).length === 1;
      } catch {
        return false;
      }
    },
    { error: 'Locale must be a language tag such as en-GB' },
  );

export const timeOfDaySchema = z
  .string({ error: 'Time must be text' })
  .refine(isTimeOfDay, { error: 'Time must be HH:MM on a 24-hour clock, e.g. 09:00' });

const daysSchema = (label: string, max: number) =>
  z
    .number({ error: `${label} must be a number of days` })
    .int({ error: `${label} must be whole days` })
    .min(0, { error: `${label} must be 0 to ${max} days` })
    .max(max, { error: `${label} must be 0 to ${max} days` });

export const reminderKeySchema = z
  .string({ error: 'Reminder must be named by its key' })
  .min(1, { error: 'Reminder must be named by its key' })
  .max(2000);

export const snoozeInput = z.strictObject({
  key: reminderKeySchema,
  until: z.enum(SNOOZE_CHOICES, { error: 'Snooze for an hour, until tomorrow or next week' }),
  timeZone: timeZoneSchema,
});

/** Where the caller is: its time zone and, optionally, its locale. */
export const whereInput = z.strictObject({
  timeZone: timeZoneSchema,
  locale: localeSchema.optional(),
});

const LIMIT_RANGE = `Limit must be 0 to ${INBOX_LIMIT.toLocaleString('en-GB')} reminders`;

export const inboxInput = whereInput.extend({
  /** How many items to list; 0 counts the inbox without listing it (the top bar's count). */
  limit: z
    .number({ error: 'Limit must be a number of reminders' })
    .int({ error: 'Limit must be a whole number of reminders' })
    .min(0, { error: LIMIT_RANGE })
    .max(INBOX_LIMIT, { error: LIMIT_RANGE })
    .default(INBOX_PAGE),
});

export const preferencesInput = z.strictObject({
  paused: z.boolean({ error: 'Pause must be on or off' }).optional(),
  quietHours: z
    .strictObject({
      enabled: z.boolean({ error: 'Quiet hours must be on or off' }),
      start: timeOfDaySchema,
      end: timeOfDaySchema,
    })
    .optional(),
});

export const defaultsInput = z.strictObject({
  enabled: z.boolean({ error: 'Reminders must be on or off' }),
  graceDays: daysSchema('Grace period', 90),
  timeOfDay: timeOfDaySchema,
});

export const overrideInput = z.strictObject({
  kpiId: idSchema,
  /** default: the workspace defaults; off: no reminders; custom: the values given here. */
  mode: z.enum(['default', 'off', 'custom'], {
    error: 'Reminders for this KPI must follow the defaults, be off, or be custom',
  }),
  graceDays: daysSchema('Grace period', 90).nullable().default(null),
  timeOfDay: timeOfDaySchema.nullable().default(null),
});

export const reviewInput = z.strictObject({
  scorecardId: idSchema,
  cadence: z.enum(REVIEW_CADENCES, { error: 'Review must be monthly, quarterly or custom' }),
  intervalWeeks: z
    .number({ error: 'Interval must be a number of weeks' })
    .int({ error: 'Interval must be whole weeks' })
    .min(1, { error: 'Interval must be 1 to 52 weeks' })
    .max(52, { error: 'Interval must be 1 to 52 weeks' })
    .default(1),
  startDate: z.iso
    .date({ error: 'First meeting must be a date (YYYY-MM-DD)' })
    .default('2026-01-01'),
  timeOfDay: timeOfDaySchema.default('09:00'),
  leadDays: daysSchema('Reminder lead time', 30).default(1),
  prepare: z.string({ error: 'What to prepare must be text' }).max(2000).default(''),
});
