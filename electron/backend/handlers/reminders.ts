import { ApiError } from '@shared/api/errors';
import type { WorkspaceReminderSettings } from '@shared/reminders/types';
import type { HandlerContext } from '../context';
import { remindersToIcs } from '../reminders/ics';
import { ReminderService, type ReminderSources } from '../reminders/service';
import {
  deleteReview,
  readReminderSettings,
  writeDefaults,
  writeOverride,
  writeReview,
} from '../reminders/settings-store';
import { latestVersion, MIGRATIONS, type Db } from '../workspace/migrations';
import type { HandlerGroup } from './types';

// Reminders: the inbox and the notifier's checks span every recent workspace and work with
// none open; the settings are the open workspace's.

const services = new WeakMap<HandlerContext, ReminderService>();

function service(ctx: HandlerContext): ReminderService {
  let found = services.get(ctx);
  if (!found) services.set(ctx, (found = new ReminderService(ctx.options.dataDir)));
  return found;
}

function sources(ctx: HandlerContext, onlyOpen = false): ReminderSources {
  const open = ctx.current();
  return {
    recent: onlyOpen ? [] : ctx.recent.list(),
    open: open ? { path: open.path, db: open.isLent() ? null : open.db } : null,
    maxVersion: latestVersion(MIGRATIONS),
    nativeBinding: ctx.options.nativeBinding,
  };
}

const nowMs = (ctx: HandlerContext): number => Date.parse(ctx.now());

function requireRow(db: Db, table: 'kpis' | 'scorecards', id: string, what: string): void {
  if (!db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id))
    throw new ApiError({
      code: 'NOT_FOUND',
      message: `That ${what} no longer exists in this workspace.`,
    });
}

function settingsOf(ctx: HandlerContext): WorkspaceReminderSettings {
  return readReminderSettings(ctx.workspace().db);
}

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
  'reminders.setPreferences': (input, ctx) => {
    const current = service(ctx).preferences();
    return service(ctx).setPreferences({
      paused: input.paused ?? current.paused,
      quietHours: input.quietHours ?? current.quietHours,
    });
  },

  'reminders.settings': (_input, ctx) => settingsOf(ctx),
  'reminders.setDefaults': (input, ctx) => {
    writeDefaults(ctx.workspace().db, input);
    return settingsOf(ctx);
  },
  'reminders.setKpiOverride': ({ kpiId, mode, graceDays, timeOfDay }, ctx) => {
    const { db } = ctx.workspace();
    requireRow(db, 'kpis', kpiId, 'KPI');
    if (mode === 'custom' && graceDays === null && timeOfDay === null)
      throw new ApiError({
        code: 'VALIDATION',
        field: 'graceDays',
        message: 'Grace period: give a number of days or a time of day for a custom reminder',
      });
    writeOverride(db, kpiId, mode === 'default' ? null : { kpiId, mode, graceDays, timeOfDay });
    return settingsOf(ctx);
  },
  'reminders.setReview': (input, ctx) => {
    const { db } = ctx.workspace();
    requireRow(db, 'scorecards', input.scorecardId, 'scorecard');
    writeReview(db, input);
    return settingsOf(ctx);
  },
  'reminders.removeReview': ({ scorecardId }, ctx) => {
    deleteReview(ctx.workspace().db, scorecardId);
    return settingsOf(ctx);
  },
  'reminders.exportIcs': ({ timeZone, locale, days }, ctx) => {
    const workspace = ctx.workspace();
    const name = workspace.meta().name;
    const now = nowMs(ctx);
    const reminders = service(ctx).upcoming(sources(ctx, true), now, timeZone, days, locale);
    return {
      fileName: `${name.replace(/[\\/:*?"<>|]+/g, '-')} reminders.ics`,
      content: remindersToIcs(reminders, {
        calendarName: `${name} — KPI reminders`,
        now: new Date(now),
      }),
    };
  },
} satisfies HandlerGroup;
