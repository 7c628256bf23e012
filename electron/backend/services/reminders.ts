import type { HandlerContext } from '../context';
import { ReminderService, type ReminderSources } from '../reminders/service';
import { latestVersion, MIGRATIONS } from '../workspace/migrations';

// Reminders: the inbox and the notifier's checks span every recent workspace and work with
// none open; the calendar export is the open workspace's.

const services = new WeakMap<HandlerContext, ReminderService>();

/** The backend's one reminder service (its state file lives in the data folder). */
export function reminderService(ctx: HandlerContext): ReminderService {
  let found = services.get(ctx);
  if (!found) services.set(ctx, (found = new ReminderService(ctx.options.dataDir)));
  return found;
}

/** The workspaces reminders are read from: the recent ones, and the open one as it is now. */
export function reminderSources(ctx: HandlerContext, onlyOpen = false): ReminderSources {
  const open = ctx.current();
  return {
    recent: onlyOpen ? [] : ctx.recent.list(),
    open: open ? { path: open.path, db: open.isLent() ? null : open.db } : null,
    maxVersion: latestVersion(MIGRATIONS),
    nativeBinding: ctx.options.nativeBinding,
  };
}

export const nowMs = (ctx: HandlerContext): number => Date.parse(ctx.now());

export async function exportIcs(
  ctx: HandlerContext,
  { timeZone, locale, days }: { timeZone: string; locale?: string | undefined; days: number },
): Promise<{ fileName: string; content: string }> {
  // ical-generator loads on the first calendar export, not with the app.
  const { remindersToIcs } = await import('../reminders/ics');
  const workspace = ctx.workspace();
  const name = workspace.meta().name;
  const now = nowMs(ctx);
  const reminders = reminderService(ctx).upcoming(
    reminderSources(ctx, true),
    now,
    timeZone,
    days,
    locale,
  );
  return {
    fileName: `${name.replace(/[\\/:*?"<>|]+/g, '-')} reminders.ics`,
    content: remindersToIcs(reminders, {
      calendarName: `${name} — KPI reminders`,
      now: new Date(now),
    }),
  };
}
