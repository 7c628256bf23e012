import { DateTime } from 'luxon';
import type { Frequency } from '../domain/kpi';
import { dataDueReminders, dueSlots, type DueSlot } from './data-due';
import { reviewReminders } from './review';
import type { Reminder, TimeOfDay, WorkspaceSnapshot } from './types';

// The whole schedule: every reminder of the given workspaces due within a window, in the
// user's time zone. Pure: the clock and the zone are arguments, so tests move them freely.

export interface ScheduleWindow {
  /** UTC ISO instants, inclusive. */
  from: string;
  to: string;
  zone: string;
  locale?: string;
  /** The current instant; with it, review meetings already held are left out. */
  now?: string;
}

/** Overdue reminders older than this leave the inbox: a KPI neglected for a year is a health
 * check finding ("no data for 3 periods"), not 12 reminders. */
export const OVERDUE_LOOKBACK_DAYS = 92;

/**
 * Oldest first. Ties keep the order they were made in (workspace, then KPI, then reviews):
 * the sort is stable, so no key comparison is needed, and plain comparison of the ISO
 * instants avoids localeCompare's collation over tens of thousands of reminders.
 */
export function byDue(a: Reminder, b: Reminder): number {
  return a.dueAt === b.dueAt ? 0 : a.dueAt < b.dueAt ? -1 : 1;
}

/** When a reminder is due, in epoch milliseconds. */
export function dueTime(reminder: Reminder): number {
  return reminder.dueMs ?? Date.parse(reminder.dueAt);
}

export function scheduleWorkspaces(
  workspaces: readonly WorkspaceSnapshot[],
  window: ScheduleWindow,
): Reminder[] {
  const fromMs = Date.parse(window.from);
  const toMs = Date.parse(window.to);
  // Due instants depend only on (frequency, grace, time of day, zone): computed once per run.
  const slotCache = new Map<string, DueSlot[]>();
  const slots = (frequency: Frequency, graceDays: number, timeOfDay: TimeOfDay): DueSlot[] => {
    const cacheKey = `${frequency}|${graceDays}|${timeOfDay}`;
    let found = slotCache.get(cacheKey);
    if (!found) {
      found = dueSlots(frequency, graceDays, timeOfDay, window.zone, fromMs, toMs, window.locale);
      slotCache.set(cacheKey, found);
    }
    return found;
  };

  const today =
    window.now === undefined
      ? undefined
      : (DateTime.fromISO(window.now, { zone: window.zone }).toISODate() ?? undefined);
  const reminders: Reminder[] = [];
  for (const workspace of workspaces) {
    const overrides = new Map(workspace.settings.overrides.map((o) => [o.kpiId, o]));
    const ctx = {
      workspacePath: workspace.path,
      workspaceName: workspace.name,
      defaults: workspace.settings.dataDue,
      overrides,
      slots,
    };
    for (const kpi of workspace.kpis) dataDueReminders(kpi, ctx, reminders);
    const scorecards = new Map(workspace.scorecards.map((s) => [s.id, s]));
    for (const review of workspace.settings.reviews) {
      const scorecard = scorecards.get(review.scorecardId);
      if (!scorecard) continue;
      reminders.push(
        ...reviewReminders(
          review,
          scorecard,
          {
            workspacePath: workspace.path,
            workspaceName: workspace.name,
            zone: window.zone,
            locale: window.locale,
            today,
          },
          fromMs,
          toMs,
        ),
      );
    }
  }
  return sortedByDue(reminders);
}

/**
 * `reminders.sort(byDue)` without comparing: data-due reminders share their slot's `dueAt`, so
 * there are a few hundred distinct instants for tens of thousands of reminders. Grouping by
 * instant in order of appearance and sorting only the instants keeps the order of ties.
 */
export function sortedByDue(reminders: readonly Reminder[]): Reminder[] {
  // A counting sort: how many reminders per instant, where each instant's run starts, then
  // every reminder into its place in one array of the final size.
  const starts = new Map<string, number>();
  for (const reminder of reminders)
    starts.set(reminder.dueAt, (starts.get(reminder.dueAt) ?? 0) + 1);
  let offset = 0;
  for (const dueAt of [...starts.keys()].sort()) {
    const count = starts.get(dueAt) ?? 0;
    starts.set(dueAt, offset);
    offset += count;
  }
  const sorted = new Array<Reminder>(reminders.length);
  for (const reminder of reminders) {
    const at = starts.get(reminder.dueAt) ?? 0;
    sorted[at] = reminder;
    starts.set(reminder.dueAt, at + 1);
  }
  return sorted;
}
