import { periodKeyOfDay } from '../domain/period';

// Which automatic backups of a workspace to keep: the newest of each of the last 7 days that
// have one, and the newest of each of the last 4 weeks (ISO weeks, Monday first) that have
// one; a backup can count for both. Days and weeks are UTC, like the backups' timestamps.

export const DAILY_KEPT = 7;
export const WEEKLY_KEPT = 4;

export interface BackupStamp {
  id: string;
  /** ISO timestamp (UTC) of when the backup was taken. */
  takenAt: string;
}

/** The ids to keep; every other automatic backup may be deleted. */
export function backupsToKeep(backups: readonly BackupStamp[]): Set<string> {
  const newestFirst = [...backups].sort((a, b) =>
    a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : a.id < b.id ? 1 : -1,
  );
  const keep = new Set<string>();
  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const backup of newestFirst) {
    const day = backup.takenAt.slice(0, 10);
    const week = periodKeyOfDay('weekly', day);
    if (!days.has(day) && days.size < DAILY_KEPT) {
      days.add(day);
      keep.add(backup.id);
    }
    if (!weeks.has(week) && weeks.size < WEEKLY_KEPT) {
      weeks.add(week);
      keep.add(backup.id);
    }
  }
  return keep;
}

/** At most one automatic backup a day: due when the newest is from an earlier UTC day. */
export function backupDue(newest: string | null, now: string): boolean {
  return newest === null || newest.slice(0, 10) < now.slice(0, 10);
}
