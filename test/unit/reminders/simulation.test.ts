import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_INBOX,
  inboxItems,
  type InboxState,
  markDone,
  snooze,
  snoozeUntil,
  takeNotices,
} from '@shared/reminders/inbox';
import { scheduleWorkspaces } from '@shared/reminders/schedule';
import { DEFAULT_PREFERENCES } from '@shared/reminders/types';
import { FakeHost, kpi, ms, workspace } from './helpers';

// A fake clock moved through whole years, weeks closed and zone changes, counting what the
// user would see as notifications.

describe.each(['Europe/Berlin', 'America/New_York'])('a simulated year in %s', (zone) => {
  it('notifies each monthly and weekly value once, at 09:00 local all year, across both DST changes', () => {
    const ws = workspace([kpi('Revenue', 'monthly'), kpi('Leads', 'weekly')]);
    const host = new FakeHost(() => [ws], zone);
    host.run(ms('2026-01-01T00:00', zone), ms('2026-12-31T23:59', zone));
    const titles = host.shown.map((s) => s.notice.title);
    // Dec 2025's value (due 3 Jan) through Nov 2026's (due 3 Dec): 12 monthly.
    expect(titles.filter((t) => t.includes('Revenue'))).toHaveLength(12);
    expect(titles.filter((t) => t.includes('Leads'))).toHaveLength(52);
    expect(new Set(titles).size).toBe(titles.length);
    expect(new Set(host.localTimes().map((t) => t.slice(11)))).toEqual(new Set(['09:00']));
    expect(host.localTimes()).toContain('2026-04-03 09:00');
  });

  it('two timers checking the same clock, and a restart between checks, never repeat one', () => {
    const ws = workspace([kpi('Revenue', 'monthly'), kpi('Leads', 'weekly'), kpi('Cash', 'daily')]);
    const host = new FakeHost(() => [ws], zone);
    const start = ms('2026-03-01T00:00', zone);
    let step = 0;
    for (let t = start; t < start + 35 * 86_400_000; t += 53 * 60_000) {
      host.check(t);
      host.check(t); // an overlapping second timer
      step += 1;
      if (step % 7 === 0) {
        // A restart: a new host reading the stored state.
        const restarted = new FakeHost(() => [ws], zone);
        restarted.state = host.state;
        restarted.check(t);
        host.shown.push(...restarted.shown);
        host.state = restarted.state;
      }
    }
    const keys = host.shown.flatMap((s) => s.notice.keys);
    expect(keys.length).toBeGreaterThan(35);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('catch-up', () => {
  const zone = 'Europe/Berlin';
  const seven = Array.from({ length: 7 }, (_, i) => kpi(`KPI ${i + 1}`, 'monthly'));

  it('summarises what fell due during a week closed as one notification, once', () => {
    const host = new FakeHost(() => [workspace(seven)], zone);
    host.check(ms('2026-04-01T08:00', zone));
    expect(host.shown).toHaveLength(0);
    // Closed from 1 to 8 April: the values were due on 3 April at 09:00.
    host.check(ms('2026-04-08T18:30', zone));
    expect(host.shown.map((s) => s.notice.title)).toEqual(['7 values are overdue']);
    expect(host.shown[0]?.notice.body).toMatch(
      /^The Mar 2026 value of KPI 1 is due; .* and 4 more \(Acme\)/,
    );
    host.check(ms('2026-04-08T18:31', zone));
    host.check(ms('2026-04-09T09:00', zone));
    expect(host.shown).toHaveLength(1);
  });

  it('shows a few missed reminders one by one, and leaves out those whose value arrived meanwhile', () => {
    const kpis = seven.slice(0, 3);
    const first = kpis[0];
    if (first) first.periodsWithValue = new Set(['2026-03']);
    const host = new FakeHost(() => [workspace(kpis)], zone);
    host.check(ms('2026-04-01T08:00', zone));
    host.check(ms('2026-04-08T18:30', zone));
    expect(host.shown.map((s) => s.notice.title)).toEqual([
      'The Mar 2026 value of KPI 2 is due',
      'The Mar 2026 value of KPI 3 is due',
    ]);
  });

  it('a sleep across a reminder time catches up on resume, in the right zone after a zone change', () => {
    const host = new FakeHost(() => [workspace([kpi('Revenue', 'monthly')])], 'Europe/Berlin');
    host.check(ms('2026-04-02T20:00', 'Europe/Berlin'));
    // The laptop flies to New York and wakes there: 09:00 is now New York's 09:00.
    host.zone = 'America/New_York';
    host.check(ms('2026-04-03T08:59', 'America/New_York'));
    expect(host.shown).toHaveLength(0);
    host.check(ms('2026-04-03T09:00', 'America/New_York'));
    expect(host.shown).toHaveLength(1);
    // Flying back does not bring it again: it is the same reminder.
    host.zone = 'Europe/Berlin';
    host.check(ms('2026-04-04T09:00', 'Europe/Berlin'));
    expect(host.shown).toHaveLength(1);
  });
});

describe('quiet hours, pause and snooze', () => {
  const zone = 'Europe/Berlin';

  it('holds a reminder that falls in quiet hours until they end', () => {
    const ws = workspace([kpi('Revenue', 'monthly')], {
      dataDue: { enabled: true, graceDays: 3, timeOfDay: '06:00' },
    });
    const host = new FakeHost(() => [ws], zone);
    host.prefs = { paused: false, quietHours: { enabled: true, start: '22:00', end: '07:30' } };
    host.run(ms('2026-04-02T12:00', zone), ms('2026-04-03T12:00', zone));
    expect(host.localTimes()).toEqual(['2026-04-03 07:30']);
  });

  it('notifies nothing while paused, and catches up once unpaused', () => {
    const host = new FakeHost(() => [workspace([kpi('Revenue', 'monthly')])], zone);
    host.check(ms('2026-04-01T10:00', zone));
    host.prefs = { ...DEFAULT_PREFERENCES, paused: true };
    expect(host.check(ms('2026-04-03T10:00', zone))).toBeNull();
    expect(host.shown).toHaveLength(0);
    host.prefs = DEFAULT_PREFERENCES;
    host.check(ms('2026-04-05T10:00', zone));
    expect(host.shown).toHaveLength(1);
  });

  it('a snoozed reminder comes back once at the end of its snooze; a done one never', () => {
    const ws = workspace([kpi('Revenue', 'monthly'), kpi('Churn', 'monthly')]);
    const host = new FakeHost(() => [ws], zone);
    const now = ms('2026-04-03T09:00', zone);
    host.check(now);
    expect(host.shown).toHaveLength(2);
    const [revenue, churn] = host.shown.flatMap((s) => s.notice.keys);
    host.state = snooze(host.state, revenue ?? '', snoozeUntil('tomorrow', now, zone, '09:00'));
    host.state = markDone(host.state, churn ?? '', now);
    host.run(now + 60_000, ms('2026-04-10T00:00', zone));
    expect(host.localTimes()).toEqual(['2026-04-03 09:00', '2026-04-03 09:00', '2026-04-04 09:00']);
  });

  it('snooze choices: an hour, tomorrow at the reminder time, next Monday', () => {
    const now = ms('2026-03-28T15:20', zone); // a Saturday, the day before the clocks change
    const local = (t: number) => DateTime.fromMillis(t, { zone }).toFormat('ccc yyyy-MM-dd HH:mm');
    expect(local(snoozeUntil('hour', now, zone, '09:00'))).toBe('Sat 2026-03-28 16:20');
    expect(local(snoozeUntil('tomorrow', now, zone, '09:00'))).toBe('Sun 2026-03-29 09:00');
    expect(local(snoozeUntil('next_week', now, zone, '09:00'))).toBe('Mon 2026-03-30 09:00');
  });
});

describe('the inbox', () => {
  it('lists overdue and due first, then snoozed, then coming; done and dismissed are gone', () => {
    const ws = workspace([kpi('a', 'monthly'), kpi('b', 'weekly'), kpi('c', 'daily')]);
    const now = ms('2026-04-03T12:00', 'Europe/Berlin');
    const reminders = scheduleWorkspaces([ws], {
      from: '2026-03-25T00:00:00Z',
      to: '2026-04-08T00:00:00Z',
      zone: 'Europe/Berlin',
    });
    let state: InboxState = { ...EMPTY_INBOX, since: '2026-03-01T00:00:00Z' };
    const byPeriod = (kpiId: string, period: string) =>
      reminders.find((r) => r.kpiId === kpiId && r.period === period)?.key ?? '';
    state = snooze(state, byPeriod('c', '2026-03-30'), now + 3_600_000);
    state = markDone(state, byPeriod('c', '2026-03-29'), now);
    const items = inboxItems(reminders, state, now);
    const states = items.map((i) => i.state);
    expect(states.indexOf('due')).toBeGreaterThan(states.lastIndexOf('overdue'));
    expect(states.indexOf('snoozed')).toBeGreaterThan(states.lastIndexOf('due'));
    expect(states.indexOf('upcoming')).toBeGreaterThan(states.lastIndexOf('snoozed'));
    expect(items.find((i) => i.kpiId === 'a')?.state).toBe('due');
    expect(items.some((i) => i.key === byPeriod('c', '2026-03-29'))).toBe(false);
    expect(
      takeNotices(reminders, state, now, DEFAULT_PREFERENCES, 'Europe/Berlin').notices,
    ).toHaveLength(1);
  });
});
