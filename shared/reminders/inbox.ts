import { DateTime } from 'luxon';
import { atLocalTime } from './local-time';
import { plainReminder } from './plain';
import { dueTime, sortedByDue } from './schedule';
import { inQuietHours, quietHoursEnd } from './quiet-hours';
import type { Reminder, ReminderPreferences, TimeOfDay } from './types';

// Never twice: what the user did with each reminder is kept by its key in a small state, and
// every function here is pure over it (state in, new state out). The host stores the state
// before it shows anything, and calls are serialised, so a restart, a second window or two
// timers firing together find the reminder already marked shown.

export interface ReminderMark {
  /** When it was last notified. */
  shownAt?: string;
  snoozedUntil?: string;
  dismissedAt?: string;
  doneAt?: string;
}

export interface InboxNote {
  id: string;
  at: string;
  message: string;
}

export interface InboxState {
  /**
   * The first check ever made. Reminders due before it are listed in the inbox but not
   * notified: catch-up is for what fell due while the app was closed, not for the months
   * before it was installed.
   */
  since?: string;
  marks: Record<string, ReminderMark>;
  notes: InboxNote[];
}

export const EMPTY_INBOX: InboxState = { marks: {}, notes: [] };

export type InboxItemState = 'overdue' | 'due' | 'snoozed' | 'upcoming';

export interface InboxItem extends Reminder {
  state: InboxItemState;
  snoozedUntil: string | null;
}

/** One OS notification: one reminder, or a summary of many that fell due together. */
export interface ReminderNotice {
  title: string;
  body: string;
  /** Where clicking it leads: the workspace (and KPI) of its first reminder. */
  workspacePath: string;
  kpiId: string | null;
  keys: string[];
}

/** More than this many at once become one summary ("7 values are overdue"). */
export const SUMMARY_THRESHOLD = 3;
const DAY_MS = 86_400_000;

function isClosed(mark: ReminderMark | undefined): boolean {
  return mark?.dismissedAt !== undefined || mark?.doneAt !== undefined;
}

/** When the reminder asks for attention: its due time, or the end of its snooze. */
export function showAt(reminder: Reminder, mark: ReminderMark | undefined): number {
  const due = dueTime(reminder);
  const snooze = mark?.snoozedUntil === undefined ? Number.NaN : Date.parse(mark.snoozedUntil);
  return Number.isNaN(snooze) ? due : Math.max(due, snooze);
}

function alreadyShown(reminder: Reminder, mark: ReminderMark | undefined): boolean {
  if (mark?.shownAt === undefined) return false;
  // An alert's due time is when its value was last entered: correcting that value (still off
  // track) moves it later, but it is the same news, so only a snooze brings it back.
  const due =
    reminder.kind === 'alert' ? Date.parse(mark.snoozedUntil ?? '') || 0 : showAt(reminder, mark);
  return Date.parse(mark.shownAt) >= due;
}

const ORDER: readonly InboxItemState[] = ['overdue', 'due', 'snoozed', 'upcoming'];

export type InboxCounts = Record<InboxItemState, number>;

/** The first `limit` items of the inbox, and how many there are in each state. */
export interface InboxPage {
  items: InboxItem[];
  counts: InboxCounts;
  /** The same counts per workspace (by path), so the open workspace's badge counts its own. */
  byWorkspace: Record<string, InboxCounts>;
}

/**
 * The inbox: open reminders, overdue and due first (oldest first), then snoozed, then coming.
 * Only the first `limit` become items: a consultant's twenty workspaces can hold tens of
 * thousands of open reminders, which are counted rather than sent to a screen.
 */
export function inboxPage(
  reminders: readonly Reminder[],
  state: InboxState,
  nowMs: number,
  limit = Number.POSITIVE_INFINITY,
): InboxPage {
  const byState: Record<InboxItemState, Reminder[]> = {
    overdue: [],
    due: [],
    snoozed: [],
    upcoming: [],
  };
  const byWorkspace: Record<string, InboxCounts> = {};
  for (const reminder of reminders) {
    const mark = state.marks[reminder.key];
    if (isClosed(mark)) continue;
    const due = dueTime(reminder);
    const snoozed = mark?.snoozedUntil !== undefined && Date.parse(mark.snoozedUntil) > nowMs;
    const itemState: InboxItemState = snoozed
      ? 'snoozed'
      : due > nowMs
        ? 'upcoming'
        : nowMs - due >= DAY_MS
          ? 'overdue'
          : 'due';
    byState[itemState].push(reminder);
    (byWorkspace[reminder.workspacePath] ??= { overdue: 0, due: 0, snoozed: 0, upcoming: 0 })[
      itemState
    ] += 1;
  }
  const items: InboxItem[] = [];
  for (const itemState of ORDER) {
    if (items.length >= limit) break;
    // The schedule comes sorted, so each state's reminders are already in due order;
    // sortedByDue (stable, no comparisons) covers a caller that passes another order.
    const group = isSortedByDue(byState[itemState])
      ? byState[itemState]
      : sortedByDue(byState[itemState]);
    for (const reminder of group.slice(0, limit - items.length))
      items.push(
        plainReminder(reminder, {
          state: itemState,
          snoozedUntil:
            itemState === 'snoozed' ? (state.marks[reminder.key]?.snoozedUntil ?? null) : null,
        }),
      );
  }
  const counts = {} as InboxCounts;
  for (const itemState of ORDER) counts[itemState] = byState[itemState].length;
  return { items, counts, byWorkspace };
}

/** Every item of the inbox, in its order. */
export function inboxItems(
  reminders: readonly Reminder[],
  state: InboxState,
  nowMs: number,
): InboxItem[] {
  return inboxPage(reminders, state, nowMs).items;
}

function isSortedByDue(items: readonly Reminder[]): boolean {
  for (let i = 1; i < items.length; i += 1)
    if ((items[i - 1] as Reminder).dueAt > (items[i] as Reminder).dueAt) return false;
  return true;
}

function summarise(batch: Reminder[], nowMs: number): ReminderNotice {
  const first = batch[0];
  if (!first) throw new RangeError('Nothing to summarise');
  const keys = batch.map((r) => r.key);
  if (batch.length <= 1)
    return {
      title: first.title,
      body: `${first.detail} · ${first.workspaceName}`,
      workspacePath: first.workspacePath,
      kpiId: first.kpiId,
      keys,
    };
  const values = batch.filter((r) => r.kind === 'data_due');
  const alerts = batch.filter((r) => r.kind === 'alert');
  const late = values.some((r) => nowMs - dueTime(r) >= DAY_MS);
  const title =
    values.length === batch.length
      ? `${batch.length} values are ${late ? 'overdue' : 'due'}`
      : alerts.length === batch.length
        ? `${batch.length} KPIs or objectives went off track or at risk`
        : `${batch.length} ${alerts.length > 0 ? 'reminders and alerts' : 'reminders'} are due`;
  const workspaces = [...new Set(batch.map((r) => r.workspaceName))];
  const names = batch.slice(0, 3).map((r) => r.title);
  const more = batch.length > 3 ? ` and ${batch.length - 3} more` : '';
  return {
    title,
    body: `${names.join('; ')}${more} (${workspaces.join(', ')}). Open the inbox to see them all.`,
    workspacePath: first.workspacePath,
    kpiId: null,
    keys,
  };
}

/**
 * What to notify now, and the state with those reminders marked shown. Paused or inside quiet
 * hours: nothing (quiet hours hold them until they end). Many at once (a catch-up after the app
 * was closed or the machine slept): one summary, not a flood.
 */
export function takeNotices(
  reminders: readonly Reminder[],
  state: InboxState,
  nowMs: number,
  prefs: ReminderPreferences,
  zone: string,
): { notices: ReminderNotice[]; state: InboxState } {
  if (state.since === undefined) state = { ...state, since: new Date(nowMs).toISOString() };
  if (prefs.paused || inQuietHours(nowMs, zone, prefs.quietHours)) return { notices: [], state };
  const since = Date.parse(state.since ?? '');
  const ready = reminders.filter((reminder) => {
    const mark = state.marks[reminder.key];
    const at = showAt(reminder, mark);
    return !isClosed(mark) && at <= nowMs && at >= since && !alreadyShown(reminder, mark);
  });
  if (ready.length === 0) return { notices: [], state };
  const at = new Date(nowMs).toISOString();
  const marks = { ...state.marks };
  for (const reminder of ready) marks[reminder.key] = { ...marks[reminder.key], shownAt: at };
  const notices =
    ready.length > SUMMARY_THRESHOLD
      ? [summarise(ready, nowMs)]
      : ready.map((r) => summarise([r], nowMs));
  return { notices, state: { ...state, marks } };
}

/** The next instant `takeNotices` could have something to show; null when nothing is coming. */
export function nextCheckAt(
  reminders: readonly Reminder[],
  state: InboxState,
  nowMs: number,
  prefs: ReminderPreferences,
  zone: string,
): number | null {
  if (prefs.paused) return null;
  const since = state.since === undefined ? nowMs : Date.parse(state.since);
  let next: number | null = null;
  let waiting = false;
  for (const reminder of reminders) {
    const mark = state.marks[reminder.key];
    if (isClosed(mark) || alreadyShown(reminder, mark)) continue;
    const at = showAt(reminder, mark);
    if (at < since) continue;
    if (at <= nowMs) waiting = true;
    else if (next === null || at < next) next = at;
  }
  if (inQuietHours(nowMs, zone, prefs.quietHours)) {
    const end = quietHoursEnd(nowMs, zone, prefs.quietHours);
    if (waiting || (next !== null && next < end)) return end;
  }
  return waiting ? nowMs : next;
}

export const SNOOZE_CHOICES = ['hour', 'tomorrow', 'next_week'] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];

/** 1 hour from now; tomorrow at the reminder time; next Monday at the reminder time. */
export function snoozeUntil(
  choice: SnoozeChoice,
  nowMs: number,
  zone: string,
  timeOfDay: TimeOfDay,
): number {
  if (choice === 'hour') return nowMs + 3_600_000;
  const today = DateTime.fromMillis(nowMs, { zone });
  const day =
    choice === 'tomorrow' ? today.plus({ days: 1 }) : today.plus({ days: 8 - today.weekday });
  return atLocalTime(day.toISODate() ?? '', timeOfDay, zone).toMillis();
}

function mark(state: InboxState, key: string, change: ReminderMark): InboxState {
  return { ...state, marks: { ...state.marks, [key]: { ...state.marks[key], ...change } } };
}

export function snooze(state: InboxState, key: string, untilMs: number): InboxState {
  return mark(state, key, { snoozedUntil: new Date(untilMs).toISOString() });
}

export function dismiss(state: InboxState, key: string, nowMs: number): InboxState {
  return mark(state, key, { dismissedAt: new Date(nowMs).toISOString() });
}

export function markDone(state: InboxState, key: string, nowMs: number): InboxState {
  return mark(state, key, { doneAt: new Date(nowMs).toISOString() });
}

/** Adds a note once: a second note with the same id (the same vanished file) is not repeated. */
export function addNote(state: InboxState, note: InboxNote): InboxState {
  if (state.notes.some((n) => n.id === note.id)) return state;
  return { ...state, notes: [...state.notes, note] };
}

export function removeNote(state: InboxState, id: string): InboxState {
  return { ...state, notes: state.notes.filter((n) => n.id !== id) };
}

/**
 * Forgets marks of reminders that left the schedule long ago, so the state stays small. A mark
 * is kept while its reminder is in `reminders` or could still come back into the look-back
 * window. The kept marks stay in their order, so an unchanged state serialises the same.
 */
export function prune(
  state: InboxState,
  reminders: readonly Reminder[],
  nowMs: number,
  keepDays: number,
): InboxState {
  const live = new Set<string>();
  for (const reminder of reminders) if (reminder.key in state.marks) live.add(reminder.key);
  const cutoff = nowMs - keepDays * DAY_MS;
  const recent = (m: ReminderMark): boolean =>
    [m.shownAt, m.snoozedUntil, m.dismissedAt, m.doneAt].some(
      (t) => t !== undefined && Date.parse(t) >= cutoff,
    );
  const entries = Object.entries(state.marks);
  const kept = entries.filter(([key, m]) => live.has(key) || recent(m));
  // Nothing to forget, the usual case at every check: the same state, not a copy.
  if (kept.length === entries.length) return state;
  return { ...state, marks: Object.fromEntries(kept) };
}
