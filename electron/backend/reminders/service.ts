import { basename } from 'node:path';
import { DateTime } from 'luxon';
import {
  addNote,
  dismiss,
  inboxPage,
  markDone,
  nextCheckAt,
  prune,
  removeNote,
  snooze,
  snoozeUntil,
  takeNotices,
  type InboxNote,
  type InboxState,
  type ReminderNotice,
  type SnoozeChoice,
} from '@shared/reminders/inbox';
import { scheduleAlerts } from '@shared/reminders/alerts';
import {
  dueTime,
  OVERDUE_LOOKBACK_DAYS,
  scheduleWorkspaces,
  sortedByDue,
} from '@shared/reminders/schedule';
import type { ReminderInbox } from '@shared/reminders/api';
import type { Reminder, ReminderPreferences, WorkspaceSnapshot } from '@shared/reminders/types';
import type { Db } from '../workspace/connection';
import { canonicalPath } from '../workspace/registry';
import { InboxFile } from './inbox-file';
import { PreferencesFile } from './preferences';
import { probeWorkspace } from './probe';
import { keptSnapshot } from './snapshot';

// Reminders across every recent workspace: gathers each one's snapshot (the open one through
// its own connection, the others read-only for a moment), runs the pure schedule, and keeps the
// inbox state in the data folder. Every public method is one read-modify-write of that state.

const DAY_MS = 86_400_000;
/** Coming reminders the inbox lists ahead of time. */
export const INBOX_AHEAD_DAYS = 14;
/** How far ahead a check looks for the next wake-up; timers re-check at least hourly anyway. */
const CHECK_AHEAD_DAYS = 2;
/** Marks of reminders gone from the schedule are forgotten after this long. */
const KEEP_MARKS_DAYS = OVERDUE_LOOKBACK_DAYS + 30;

export interface ReminderSources {
  /** Recent workspaces, newest first. */
  recent: readonly { path: string; name: string }[];
  /** The open workspace; `db` is null while it is lent to an import. */
  open: { path: string; db: Db | null } | null;
  maxVersion: number;
  nativeBinding: string | undefined;
}

export interface ClaimResult {
  notices: ReminderNotice[];
  /** When to check again (UTC ISO); null when nothing is scheduled in the next days. */
  nextCheckAt: string | null;
}

function missingNote(path: string, name: string, at: string): InboxNote {
  return {
    id: `missing:${canonicalPath(path)}`,
    at,
    message: `"${name || basename(path)}" was moved or deleted (looked for ${path}), so its reminders are no longer scheduled. Open it from its new place to bring them back.`,
  };
}

function unreadableNote(path: string, reason: string, at: string): InboxNote {
  return {
    id: `unreadable:${canonicalPath(path)}`,
    at,
    message: `Reminders of "${basename(path)}" are not scheduled: ${reason}`,
  };
}

export class ReminderService {
  private readonly inbox: InboxFile;
  private readonly preferencesFile: PreferencesFile;
  /** The last good read of each workspace, for when it is busy (held by another program). */
  private readonly lastRead = new Map<string, WorkspaceSnapshot>();

  constructor(dataDir: string) {
    this.inbox = new InboxFile(dataDir);
    this.preferencesFile = new PreferencesFile(dataDir);
  }

  preferences(): ReminderPreferences {
    return this.preferencesFile.read();
  }

  setPreferences(change: Partial<ReminderPreferences>): ReminderPreferences {
    const next = { ...this.preferencesFile.read(), ...change };
    this.preferencesFile.write(next);
    return next;
  }

  /** Snapshots of every workspace to remind about, and the state with notes brought up to date. */
  private gather(
    sources: ReminderSources,
    nowMs: number,
    state: InboxState,
  ): { snapshots: WorkspaceSnapshot[]; state: InboxState } {
    const at = new Date(nowMs).toISOString();
    const fromYear = new Date(nowMs - 2 * OVERDUE_LOOKBACK_DAYS * DAY_MS).getUTCFullYear();
    const snapshots: WorkspaceSnapshot[] = [];
    const seen = new Set<string>();
    const openKey = sources.open ? canonicalPath(sources.open.path) : null;
    if (sources.open && openKey !== null) {
      seen.add(openKey);
      const { db, path } = sources.open;
      const snapshot = db ? keptSnapshot(db, path, fromYear) : this.lastRead.get(openKey);
      if (snapshot) {
        this.lastRead.set(openKey, snapshot);
        snapshots.push(snapshot);
      }
      state = removeNote(state, `missing:${openKey}`);
    }
    for (const entry of sources.recent) {
      const key = canonicalPath(entry.path);
      if (seen.has(key)) continue;
      seen.add(key);
      const probed = probeWorkspace(entry.path, {
        maxVersion: sources.maxVersion,
        nativeBinding: sources.nativeBinding,
        fromYear,
      });
      if (probed.kind === 'missing') {
        this.lastRead.delete(key);
        state = addNote(state, missingNote(entry.path, entry.name, at));
        continue;
      }
      state = removeNote(state, `missing:${key}`);
      if (probed.kind === 'unreadable') {
        state = addNote(state, unreadableNote(entry.path, probed.reason, at));
        continue;
      }
      state = removeNote(state, `unreadable:${key}`);
      const snapshot = probed.kind === 'read' ? probed.snapshot : this.lastRead.get(key);
      if (probed.kind === 'read') this.lastRead.set(key, probed.snapshot);
      if (snapshot) snapshots.push(snapshot);
    }
    return { snapshots, state };
  }

  private schedule(
    sources: ReminderSources,
    nowMs: number,
    zone: string,
    aheadDays: number,
    locale?: string,
    withAlerts = true,
  ): { reminders: Reminder[]; state: InboxState; before: string; workspaces: number } {
    const stored = this.inbox.read();
    const before = JSON.stringify(stored);
    const { snapshots, state } = this.gather(sources, nowMs, stored);
    let reminders = scheduleWorkspaces(snapshots, {
      from: new Date(nowMs - OVERDUE_LOOKBACK_DAYS * DAY_MS).toISOString(),
      to: new Date(nowMs + aheadDays * DAY_MS).toISOString(),
      zone,
      now: new Date(nowMs).toISOString(),
      ...(locale === undefined ? {} : { locale }),
    });
    // Alerts come out of the same inbox and claims as reminders, so they share never-twice.
    if (withAlerts) {
      const alerts = scheduleAlerts(snapshots, {
        nowMs,
        zone,
        lookbackDays: OVERDUE_LOOKBACK_DAYS,
        locale,
      });
      // The same counting sort as the schedule's, not a comparison sort of every reminder again.
      if (alerts.length > 0) {
        reminders.push(...alerts);
        reminders = sortedByDue(reminders);
      }
    }
    return { reminders, state, before, workspaces: snapshots.length };
  }

  private save(state: InboxState, before: string): void {
    if (JSON.stringify(state) !== before) this.inbox.write(state);
  }

  list(
    sources: ReminderSources,
    nowMs: number,
    zone: string,
    locale?: string,
    limit?: number,
  ): ReminderInbox {
    const { reminders, state, before, workspaces } = this.schedule(
      sources,
      nowMs,
      zone,
      INBOX_AHEAD_DAYS,
      locale,
    );
    this.save(state, before);
    return {
      ...inboxPage(reminders, state, nowMs, limit),
      notes: state.notes,
      preferences: this.preferences(),
      workspaces,
    };
  }

  /**
   * What to notify now. The state marking them shown is written before they are returned, so
   * a crash after this call loses a notification rather than repeating it.
   */
  claim(sources: ReminderSources, nowMs: number, zone: string, locale?: string): ClaimResult {
    const { reminders, state, before } = this.schedule(
      sources,
      nowMs,
      zone,
      CHECK_AHEAD_DAYS,
      locale,
    );
    const prefs = this.preferences();
    const taken = takeNotices(reminders, state, nowMs, prefs, zone);
    const kept = prune(taken.state, reminders, nowMs, KEEP_MARKS_DAYS);
    this.save(kept, before);
    const next = nextCheckAt(reminders, kept, nowMs, prefs, zone);
    return {
      notices: taken.notices,
      nextCheckAt: next === null ? null : new Date(next).toISOString(),
    };
  }

  /** Reminders of one workspace in the coming days, for the calendar export. */
  upcoming(
    sources: ReminderSources,
    nowMs: number,
    zone: string,
    days: number,
    locale?: string,
  ): Reminder[] {
    // Alerts are news, not appointments: the calendar export leaves them out.
    const { reminders, state } = this.schedule(sources, nowMs, zone, days, locale, false);
    return reminders.filter((r) => {
      const mark = state.marks[r.key];
      return dueTime(r) >= nowMs && !mark?.doneAt && !mark?.dismissedAt;
    });
  }

  markDone(key: string, nowMs: number): void {
    this.inbox.write(markDone(this.inbox.read(), key, nowMs));
  }

  dismiss(key: string, nowMs: number): void {
    this.inbox.write(dismiss(this.inbox.read(), key, nowMs));
  }

  dismissNote(id: string): void {
    this.inbox.write(removeNote(this.inbox.read(), id));
  }

  /** Snoozes until 1 hour from now, or tomorrow / next Monday at the reminder's own time. */
  snooze(
    sources: ReminderSources,
    key: string,
    choice: SnoozeChoice,
    nowMs: number,
    zone: string,
  ): string {
    const { reminders, state, before } = this.schedule(sources, nowMs, zone, INBOX_AHEAD_DAYS);
    this.save(state, before);
    const reminder = reminders.find((r) => r.key === key);
    const timeOfDay = reminder
      ? DateTime.fromISO(reminder.dueAt).setZone(zone).toFormat('HH:mm')
      : '09:00';
    const until = snoozeUntil(choice, nowMs, zone, timeOfDay);
    this.inbox.write(snooze(this.inbox.read(), key, until));
    return new Date(until).toISOString();
  }
}
