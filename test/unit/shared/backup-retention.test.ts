import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodKeyOfDay } from '@shared/domain/period';
import {
  backupDue,
  backupsToKeep,
  DAILY_KEPT,
  WEEKLY_KEPT,
  type BackupStamp,
} from '@shared/backups/retention';

// Automatic backups kept: 7 daily + 4 weekly. Laws that hold for any history of backups.

const DAY = 86_400_000;
const start = Date.UTC(2026, 0, 1);
const history = fc
  .uniqueArray(fc.integer({ min: 0, max: 120 * 24 * 60 }), { maxLength: 80 })
  .map((minutes): BackupStamp[] =>
    minutes.map((m) => ({ id: `b${m}`, takenAt: new Date(start + m * 60_000).toISOString() })),
  );

describe('backup retention', () => {
  it('keeps the newest, at most 11, only given ones, and is stable when applied again', () => {
    fc.assert(
      fc.property(history, (backups) => {
        const keep = backupsToKeep(backups);
        expect(keep.size).toBeLessThanOrEqual(DAILY_KEPT + WEEKLY_KEPT);
        for (const id of keep) expect(backups.some((b) => b.id === id)).toBe(true);
        const newest = [...backups].sort((a, b) => (a.takenAt < b.takenAt ? 1 : -1))[0];
        if (newest) expect(keep.has(newest.id)).toBe(true);
        const again = backupsToKeep(backups.filter((b) => keep.has(b.id)));
        expect(again).toEqual(keep);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps one backup for each of the 7 latest days and 4 latest weeks that have one', () => {
    fc.assert(
      fc.property(history, (backups) => {
        const keep = backupsToKeep(backups);
        const kept = backups.filter((b) => keep.has(b.id));
        const days = [...new Set(backups.map((b) => b.takenAt.slice(0, 10)))].sort().reverse();
        const weekOf = (b: BackupStamp) => periodKeyOfDay('weekly', b.takenAt.slice(0, 10));
        const weeks = [...new Set(backups.map(weekOf))].sort().reverse();
        for (const week of weeks.slice(0, WEEKLY_KEPT))
          expect(kept.some((b) => weekOf(b) === week)).toBe(true);
        for (const day of days.slice(0, DAILY_KEPT))
          expect(kept.some((b) => b.takenAt.startsWith(day))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a daily backup for 60 days as 7 days plus 4 weeks', () => {
    const daily = Array.from({ length: 60 }, (_, i) => ({
      id: `d${i}`,
      takenAt: new Date(start + i * DAY + 9 * 3_600_000).toISOString(),
    }));
    const keep = [...backupsToKeep(daily)].map((id) => Number(id.slice(1))).sort((a, b) => b - a);
    expect(keep.slice(0, 7)).toEqual([59, 58, 57, 56, 55, 54, 53]);
    expect(keep.length).toBeGreaterThanOrEqual(7 + 2);
    expect(keep.length).toBeLessThanOrEqual(11);
  });

  it('is due once a day', () => {
    expect(backupDue(null, '2026-03-01T08:00:00.000Z')).toBe(true);
    expect(backupDue('2026-03-01T07:00:00.000Z', '2026-03-01T23:00:00.000Z')).toBe(false);
    expect(backupDue('2026-02-28T23:59:00.000Z', '2026-03-01T00:01:00.000Z')).toBe(true);
  });
});
