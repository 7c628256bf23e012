import {
  reminderSettings,
  removeReview,
  setDefaults,
  setKpiOverride,
  setReview,
} from '../services/reminder-settings';
import {
  exportIcs,
  nowMs,
  reminderService as service,
  reminderSources as sources,
} from '../services/reminders';
import type { HandlerGroup } from './types';

// Reminders: the inbox and the notifier's checks (every recent workspace, none need be open),
// and the open workspace's reminder settings.

export const reminderHandlers = {
  'reminders.inbox': ({ timeZone, locale, limit }, ctx) =>
    service(ctx).list(sources(ctx), nowMs(ctx), timeZone, locale, limit),
  'reminders.claimDue': ({ timeZone, locale }, ctx) =>
    service(ctx).claim(sources(ctx), nowMs(ctx), timeZone, locale),
  'reminders.markDone': ({ key }, ctx) => {
    service(ctx).markDone(key, nowMs(ctx));
    return null;
  },
  'reminders.dismiss': ({ key }, ctx) => {
    service(ctx).dismiss(key, nowMs(ctx));
    return null;
  },
  'reminders.snooze': ({ key, until, timeZone }, ctx) => ({
    until: service(ctx).snooze(sources(ctx), key, until, nowMs(ctx), timeZone),
  }),
  'reminders.dismissNote': ({ id }, ctx) => {
    service(ctx).dismissNote(id);
    return null;
  },
  'reminders.preferences': (_input, ctx) => service(ctx).preferences(),
  'reminders.setPreferences': ({ paused, quietHours }, ctx) => {
    const current = service(ctx).preferences();
    return service(ctx).setPreferences({
      paused: paused ?? current.paused,
      quietHours: quietHours ?? current.quietHours,
    });
  },

  'reminders.settings': (_input, ctx) => reminderSettings(ctx.workspace()),
  'reminders.setDefaults': (input, ctx) => setDefaults(ctx.workspace(), input),
  'reminders.setKpiOverride': (input, ctx) => setKpiOverride(ctx.workspace(), input),
  'reminders.setReview': (input, ctx) => setReview(ctx.workspace(), input),
  'reminders.removeReview': ({ scorecardId }, ctx) => removeReview(ctx.workspace(), scorecardId),
  'reminders.exportIcs': (input, ctx) => exportIcs(ctx, input),
} satisfies HandlerGroup;
