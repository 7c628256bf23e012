import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { FREQUENCIES } from '@shared/domain/kpi';
import { parsePeriod } from '@shared/domain/period';
import { EMPTY_INBOX, takeNotices } from '@shared/reminders/inbox';
import { atLocalTime } from '@shared/reminders/local-time';
import { scheduleWorkspaces } from '@shared/reminders/schedule';
import { DEFAULT_PREFERENCES } from '@shared/reminders/types';
import { kpi, workspace } from './helpers';

// Laws of the schedule that hold for any zone, date and time.

const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'];
const zone = fc.constantFrom(...ZONES);
const day = fc.date({
  min: new Date('2024-01-01'),
  max: new Date('2030-12-31'),
  noInvalidDate: true,
});
const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

describe('schedule laws', () => {
  it('a local time lands on its own calendar day, at its time or (in a DST gap) up to an hour later', () => {
    fc.assert(
      fc.property(zone, day, time, (z, d, t) => {
        const iso = d.toISOString().slice(0, 10);
        const placed = atLocalTime(iso, t, z);
        expect(placed.toISODate()).toBe(iso);
        const [h, m] = t.split(':').map(Number) as [number, number];
        const late = placed.hour * 60 + placed.minute - (h * 60 + m);
        expect(late === 0 || late === 60).toBe(true);
        // The first of two equal wall times: an hour earlier is never the same wall time.
        const earlier = placed.minus({ hours: 1 });
        expect(earlier.hour === placed.hour && earlier.minute === placed.minute).toBe(false);
      }),
    );
  });

  it('each period of any frequency is due once, in order, never before the period ends', () => {
    fc.assert(
      fc.property(
        zone,
        day,
        fc.constantFrom(...FREQUENCIES),
        fc.integer({ min: 0, max: 30 }),
        time,
        (z, d, frequency, graceDays, t) => {
          const ws = workspace([kpi('k', frequency)], {
            dataDue: { enabled: true, graceDays, timeOfDay: t },
          });
          const from = d.toISOString();
          const to = new Date(d.getTime() + 120 * 86_400_000).toISOString();
          const found = scheduleWorkspaces([ws], { from, to, zone: z });
          const periods = found.map((r) => r.period ?? '');
          expect(new Set(periods).size).toBe(periods.length);
          expect([...periods].sort()).toEqual(periods);
          for (const reminder of found) {
            expect(reminder.dueAt >= from && reminder.dueAt <= to).toBe(true);
            const end = parsePeriod(frequency, reminder.period ?? '')?.end ?? '';
            const localDue = DateTime.fromISO(reminder.dueAt).setZone(z).toISODate() ?? '';
            expect(localDue >= end).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('whatever the order and repetition of checks, no reminder is notified twice', () => {
    const ws = workspace([kpi('a', 'daily'), kpi('b', 'weekly'), kpi('c', 'monthly')]);
    const start = Date.parse('2026-03-20T00:00:00Z');
    const reminders = scheduleWorkspaces([ws], {
      from: '2026-03-20T00:00:00Z',
      to: '2026-05-01T00:00:00Z',
      zone: 'Europe/Berlin',
    });
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 * 24 * 60 }), { maxLength: 60 }),
        (minutes) => {
          let state = EMPTY_INBOX;
          const keys: string[] = [];
          // Timers may fire late and out of order, but the clock never goes back.
          for (const m of [...minutes].sort((x, y) => x - y)) {
            const taken = takeNotices(
              reminders,
              state,
              start + m * 60_000,
              DEFAULT_PREFERENCES,
              'Europe/Berlin',
            );
            state = taken.state;
            keys.push(...taken.notices.flatMap((n) => n.keys));
          }
          expect(new Set(keys).size).toBe(keys.length);
        },
      ),
      { numRuns: 80 },
    );
  });
});
