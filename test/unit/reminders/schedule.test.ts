import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { atLocalTime } from '@shared/reminders/local-time';
import { firstMonday, meetingDates } from '@shared/reminders/review';
import { scheduleWorkspaces } from '@shared/reminders/schedule';
import type { ReviewSchedule } from '@shared/reminders/types';
import { kpi, workspace } from './helpers';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';

function local(iso: string, zone: string): string {
  return DateTime.fromISO(iso).setZone(zone).toFormat('yyyy-MM-dd HH:mm');
}

function schedule(
  ws: Parameters<typeof scheduleWorkspaces>[0],
  from: string,
  to: string,
  zone = BERLIN,
) {
  return scheduleWorkspaces(ws, { from, to, zone, locale: 'en-GB' });
}

describe('data-due reminders', () => {
  it('asks for the March value of a monthly KPI 3 days after month end at 09:00, naming the owner', () => {
    const [reminder] = schedule(
      [workspace([kpi('Revenue', 'monthly')])],
      '2026-04-01T00:00:00Z',
      '2026-04-10T00:00:00Z',
    );
    expect(reminder?.title).toBe('The Mar 2026 value of Revenue is due');
    expect(reminder?.detail).toBe('Owner: Ana · due 3 days after the period ends');
    expect(local(reminder?.dueAt ?? '', BERLIN)).toBe('2026-04-03 09:00');
  });

  it('follows each frequency: weekly on the Monday after grace, quarterly and yearly after their end', () => {
    const ws = workspace(
      [kpi('w', 'weekly'), kpi('q', 'quarterly'), kpi('y', 'yearly'), kpi('d', 'daily')],
      {
        dataDue: { enabled: true, graceDays: 1, timeOfDay: '08:30' },
      },
    );
    const found = schedule([ws], '2026-12-28T00:00:00Z', '2027-01-02T00:00:00Z');
    const byKpi = (id: string) =>
      found.filter((r) => r.kpiId === id).map((r) => `${r.period} ${local(r.dueAt, BERLIN)}`);
    expect(byKpi('w')).toEqual(['2026-W52 2026-12-28 08:30']);
    expect(byKpi('q')).toEqual(['2026-Q4 2027-01-01 08:30']);
    expect(byKpi('y')).toEqual(['2026 2027-01-01 08:30']);
    expect(byKpi('d')).toHaveLength(5);
    const quarter = schedule([ws], '2027-03-30T00:00:00Z', '2027-04-05T00:00:00Z').filter(
      (r) => r.kpiId === 'q',
    );
    expect(quarter.map((r) => `${r.period} ${local(r.dueAt, BERLIN)}`)).toEqual([
      '2027-Q1 2027-04-01 08:30',
    ]);
  });

  it('has no reminder for a period that already has a value, nor for calculated KPIs', () => {
    const ws = workspace([
      kpi('entered', 'monthly', { periodsWithValue: new Set(['2026-03']) }),
      kpi('formula', 'monthly', { entered: false }),
      kpi('missing', 'monthly'),
    ]);
    const found = schedule([ws], '2026-04-01T00:00:00Z', '2026-04-10T00:00:00Z');
    expect(found.map((r) => r.kpiId)).toEqual(['missing']);
  });

  it('asks a KPI made in June for May, the value last due, and what comes after; not before', () => {
    const made = Date.parse('2026-06-10T12:00:00Z');
    const periodsOf = (extra: Parameters<typeof kpi>[2]) =>
      schedule(
        [workspace([kpi('Footfall', 'monthly', { createdMs: made, ...extra })])],
        '2026-02-01T00:00:00Z',
        '2026-08-10T00:00:00Z',
      ).map((r) => r.period);
    expect(periodsOf({})).toEqual(['2026-05', '2026-06', '2026-07']);
    // Imported history from February: the gaps after the first value are real gaps.
    expect(periodsOf({ periodsWithValue: new Set(['2026-02', '2026-04']) })).toEqual([
      '2026-03',
      '2026-05',
      '2026-06',
      '2026-07',
    ]);
    // A weekly KPI made on a Wednesday: the week before, then every week.
    const weekly = schedule(
      [workspace([kpi('Visits', 'weekly', { createdMs: made })])],
      '2026-05-01T00:00:00Z',
      '2026-06-30T00:00:00Z',
    ).map((r) => r.period);
    expect(weekly).toEqual(['2026-W23', '2026-W24', '2026-W25']);
    // Made before the window: the whole window, as before.
    expect(periodsOf({ createdMs: Date.parse('2025-01-01T00:00:00Z') })).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
    ]);
  });

  it('applies per-KPI overrides: off, another lead time, another time of day', () => {
    const ws = workspace([kpi('a', 'monthly'), kpi('b', 'monthly'), kpi('c', 'monthly')], {
      overrides: [
        { kpiId: 'a', mode: 'off', graceDays: null, timeOfDay: null },
        { kpiId: 'b', mode: 'custom', graceDays: 10, timeOfDay: null },
        { kpiId: 'c', mode: 'custom', graceDays: null, timeOfDay: '14:15' },
      ],
    });
    const found = schedule([ws], '2026-04-01T00:00:00Z', '2026-04-30T00:00:00Z');
    expect(found.map((r) => `${r.kpiId} ${local(r.dueAt, BERLIN)}`)).toEqual([
      'c 2026-04-03 14:15',
      'b 2026-04-10 09:00',
    ]);
  });

  it('keeps a KPI with its own timing when the workspace default is switched off', () => {
    const ws = workspace([kpi('a', 'monthly'), kpi('b', 'monthly')], {
      dataDue: { enabled: false, graceDays: 3, timeOfDay: '09:00' },
      overrides: [{ kpiId: 'b', mode: 'custom', graceDays: 5, timeOfDay: null }],
    });
    expect(
      schedule([ws], '2026-04-01T00:00:00Z', '2026-04-30T00:00:00Z').map((r) => r.kpiId),
    ).toEqual(['b']);
  });

  it('ends February on the 29th in a leap year', () => {
    const ws = workspace([kpi('m', 'monthly')], {
      dataDue: { enabled: true, graceDays: 0, timeOfDay: '09:00' },
    });
    const found = schedule([ws], '2028-02-20T00:00:00Z', '2028-03-05T00:00:00Z');
    expect(found.map((r) => `${r.period} ${local(r.dueAt, BERLIN)}`)).toEqual([
      '2028-02 2028-02-29 09:00',
    ]);
    const graced = workspace([kpi('m', 'monthly')], {
      dataDue: { enabled: true, graceDays: 1, timeOfDay: '09:00' },
    });
    expect(
      local(
        schedule([graced], '2028-02-20T00:00:00Z', '2028-03-05T00:00:00Z')[0]?.dueAt ?? '',
        BERLIN,
      ),
    ).toBe('2028-03-01 09:00');
    const plain = schedule([graced], '2027-02-20T00:00:00Z', '2027-03-05T00:00:00Z');
    expect(local(plain[0]?.dueAt ?? '', BERLIN)).toBe('2027-03-01 09:00');
  });

  it('keeps 09:00 local on both sides of a daylight-saving change (the UTC instant moves)', () => {
    const daily = workspace([kpi('d', 'daily')], {
      dataDue: { enabled: true, graceDays: 0, timeOfDay: '09:00' },
    });
    for (const [zone, from, to] of [
      [BERLIN, '2026-03-27T00:00:00Z', '2026-03-31T00:00:00Z'],
      [BERLIN, '2026-10-23T00:00:00Z', '2026-10-27T00:00:00Z'],
      [NEW_YORK, '2026-03-06T12:00:00Z', '2026-03-10T12:00:00Z'],
      [NEW_YORK, '2026-10-30T12:00:00Z', '2026-11-03T12:00:00Z'],
    ] as const) {
      const found = schedule([daily], from, to, zone);
      expect(found.length).toBeGreaterThanOrEqual(3);
      for (const r of found) expect(local(r.dueAt, zone).slice(11)).toBe('09:00');
      expect(new Set(found.map((r) => r.dueAt.slice(11, 16))).size).toBe(2);
    }
  });
});

describe('times in the daylight-saving gap and repeat hour', () => {
  it('moves 02:30 on the spring-forward day to 03:30, the first time that exists', () => {
    expect(atLocalTime('2026-03-29', '02:30', BERLIN).toISO()).toBe(
      '2026-03-29T03:30:00.000+02:00',
    );
    expect(atLocalTime('2026-03-08', '02:30', NEW_YORK).toISO()).toBe(
      '2026-03-08T03:30:00.000-04:00',
    );
  });

  it('uses the first 02:30 on the fall-back day, so the reminder is not an hour late', () => {
    expect(atLocalTime('2026-10-25', '02:30', BERLIN).toISO()).toBe(
      '2026-10-25T02:30:00.000+02:00',
    );
    expect(atLocalTime('2026-11-01', '01:30', NEW_YORK).toISO()).toBe(
      '2026-11-01T01:30:00.000-04:00',
    );
    expect(atLocalTime('2026-10-26', '02:30', BERLIN).toISO()).toBe(
      '2026-10-26T02:30:00.000+01:00',
    );
  });
});

describe('review reminders', () => {
  const review = (over: Partial<ReviewSchedule>): ReviewSchedule => ({
    scorecardId: 'sc1',
    cadence: 'monthly',
    intervalWeeks: 1,
    startDate: '2026-01-01',
    timeOfDay: '10:00',
    leadDays: 0,
    prepare: '',
    ...over,
  });

  it('meets monthly on the first Monday, quarterly on the first Monday of a quarter', () => {
    expect(firstMonday(2026, 6)).toBe('2026-06-01');
    expect(firstMonday(2026, 3)).toBe('2026-03-02');
    expect(meetingDates(review({}), '2026-01-01', '2026-04-30')).toEqual([
      '2026-01-05',
      '2026-02-02',
      '2026-03-02',
      '2026-04-06',
    ]);
    expect(meetingDates(review({ cadence: 'quarterly' }), '2026-02-01', '2026-12-31')).toEqual([
      '2026-04-06',
      '2026-07-06',
      '2026-10-05',
    ]);
    expect(
      meetingDates(
        review({ cadence: 'custom', intervalWeeks: 2, startDate: '2026-01-09' }),
        '2026-02-01',
        '2026-03-01',
      ),
    ).toEqual(['2026-02-06', '2026-02-20']);
  });

  it('reminds a day ahead with what to prepare', () => {
    const ws = workspace([], {
      reviews: [
        review({ cadence: 'quarterly', leadDays: 3, prepare: 'Q1 numbers and action plans' }),
      ],
    });
    const [found] = schedule([ws], '2026-03-25T00:00:00Z', '2026-04-10T00:00:00Z');
    expect(found?.title).toBe('Quarterly review of Company on Monday 6 April');
    expect(found?.detail).toBe('Prepare: Q1 numbers and action plans');
    expect(local(found?.dueAt ?? '', BERLIN)).toBe('2026-04-03 10:00');
  });
});

describe('review meetings already held', () => {
  it('are not listed once their day has passed, while a missing value stays overdue', () => {
    const ws = workspace([kpi('Revenue', 'monthly')], {
      reviews: [
        {
          scorecardId: 'sc1',
          cadence: 'monthly',
          intervalWeeks: 1,
          startDate: '2026-01-01',
          timeOfDay: '10:00',
          leadDays: 1,
          prepare: '',
        },
      ],
    });
    const found = scheduleWorkspaces([ws], {
      from: '2026-03-01T00:00:00Z',
      to: '2026-04-10T00:00:00Z',
      zone: 'Europe/Berlin',
      locale: 'en-GB',
      now: '2026-03-20T12:00:00Z',
    });
    expect(found.map((r) => r.title)).toEqual([
      'The Feb 2026 value of Revenue is due',
      'The Mar 2026 value of Revenue is due',
      'Monthly review of Company on Monday 6 April',
    ]);
  });
});
