import { describe, expect, it } from 'vitest';
import {
  oldestPeriodsRead,
  type AlertInputs,
  type AlertKpi,
  type AlertValue,
} from '@shared/reminders/alert-status';
import { workspaceAlerts } from '@shared/reminders/alerts';
import { EMPTY_INBOX, inboxItems, snooze, takeNotices } from '@shared/reminders/inbox';
import { DEFAULT_PREFERENCES, type Reminder } from '@shared/reminders/types';
import { workspace } from './helpers';

// Off-track alerts through the real scoring engine: a KPI with a target of 100 (higher is
// better, on track from 100 %, at risk from 90 %), values entered month by month.

const ENTERED = '2026-04-02T08:00:00.000Z';

function kpi(id: string, extra: Partial<AlertKpi> = {}): AlertKpi {
  return {
    id,
    code: id.toLowerCase(),
    name: id,
    owner: 'Ana',
    objectiveId: 'obj1',
    parentKpiId: null,
    unit: { format: 'number', currency: null, suffix: '' },
    decimals: 0,
    frequency: 'monthly',
    aggregation: 'last',
    direction: 'higher_is_better',
    target: 100,
    targetPlan: null,
    targetMin: null,
    targetMax: null,
    stretchTarget: null,
    thresholds: { mode: 'percent_of_target', onTrack: 100, atRisk: 90 },
    weight: 1,
    rollup: 'manual',
    formula: null,
    ...extra,
  };
}

function inputs(kpis: AlertKpi[], values: Record<string, [string, number][]>): AlertInputs {
  return {
    kpis,
    objectives: [{ id: 'obj1', perspectiveId: 'p1', weight: 1, name: 'Grow revenue' }],
    perspectives: [{ id: 'p1', scorecardId: 'sc1', weight: 1 }],
    scorecards: [{ id: 'sc1', parentId: null }],
    values: new Map(
      Object.entries(values).map(([id, list]) => [
        id,
        list.map(([period, value]): AlertValue => ({ period, value, enteredAt: ENTERED })),
      ]),
    ),
  };
}

function alerts(
  kpis: AlertKpi[],
  values: Record<string, [string, number][]>,
  today = '2026-04-02',
): Reminder[] {
  const snapshot = { ...workspace([]), alerts: inputs(kpis, values) };
  return workspaceAlerts(snapshot, today, '2026-01-01', 'en-GB');
}

describe('off-track alerts', () => {
  it('a KPI going on track → at risk → off track alerts at each step, naming the status', () => {
    const atRisk = alerts(
      [kpi('Revenue')],
      {
        Revenue: [
          ['2026-01', 100],
          ['2026-02', 95],
        ],
      },
      '2026-02-28',
    );
    expect(atRisk.map((a) => [a.title, a.alert?.status, a.alert?.previous])).toEqual([
      ['Revenue is at risk in Feb 2026', 'at_risk', 'on_track'],
    ]);
    expect(atRisk[0]?.detail).toBe(
      'On track in Jan 2026 · value 95 against target 100 · Owner: Ana',
    );
    expect(atRisk[0]?.key).toBe('/data/Acme.kpis#alert:Revenue:2026-02:at_risk');
    expect(atRisk[0]?.dueAt).toBe(ENTERED);

    const offTrack = alerts(
      [kpi('Revenue')],
      {
        Revenue: [
          ['2026-01', 100],
          ['2026-02', 95],
          ['2026-03', 80],
        ],
      },
      '2026-03-31',
    );
    // Only the latest news: February's alert leaves the inbox once March is in.
    expect(offTrack.map((a) => [a.title, a.kind, a.kpiId, a.period])).toEqual([
      ['Revenue went off track in Mar 2026', 'alert', 'Revenue', '2026-03'],
    ]);
  });

  it('a KPI back on track, or staying as it was, gives no alert', () => {
    expect(
      alerts([kpi('Revenue')], {
        Revenue: [
          ['2026-02', 70],
          ['2026-03', 100],
        ],
      }),
    ).toEqual([]);
    expect(
      alerts([kpi('Revenue')], {
        Revenue: [
          ['2026-02', 95],
          ['2026-03', 94],
        ],
      }),
    ).toEqual([]);
    // Better, but not good: off track → at risk is not news worth an alert.
    expect(
      alerts([kpi('Revenue')], {
        Revenue: [
          ['2026-02', 50],
          ['2026-03', 95],
        ],
      }),
    ).toEqual([]);
  });

  it('an objective turns at risk when one of its two KPIs goes off track', () => {
    const found = alerts([kpi('Revenue'), kpi('Margin')], {
      Revenue: [
        ['2026-02', 100],
        ['2026-03', 100],
      ],
      Margin: [
        ['2026-02', 100],
        ['2026-03', 50],
      ],
    });
    expect(found.map((a) => [a.title, a.alert?.subject, a.kpiId])).toEqual([
      ['Margin went off track in Mar 2026', 'kpi', 'Margin'],
      ['Objective "Grow revenue" is at risk in Mar 2026', 'objective', null],
    ]);
    expect(found[1]?.scorecardId).toBe('sc1');
  });

  it('writes a near miss with the decimals that show it', () => {
    const found = alerts(
      [kpi('Revenue', { target: 90 })],
      {
        Revenue: [
          ['2026-07', 92],
          ['2026-08', 91.4],
          ['2026-09', 90.8],
          ['2026-10', 90.2],
        ],
      },
      '2026-11-20',
    );
    expect(found.map((a) => a.detail)).toEqual([
      'Forecast 89.6, short of target 90.0 · Owner: Ana',
    ]);
  });

  it('warns when the forecast of the running period misses its target', () => {
    // Falling by 10 a month and still on track in October (70 against 70): November's
    // trend ends at 60.
    const found = alerts(
      [kpi('Revenue', { target: 70 })],
      {
        Revenue: [
          ['2026-07', 100],
          ['2026-08', 90],
          ['2026-09', 80],
          ['2026-10', 70],
        ],
      },
      '2026-11-20',
    );
    expect(found.map((a) => [a.title, a.detail, a.key, a.alert?.reason])).toEqual([
      [
        'Revenue is projected to miss its Nov 2026 target',
        'Forecast 60, short of target 70 · Owner: Ana',
        '/data/Acme.kpis#forecast:Revenue:2026-11',
        'forecast',
      ],
    ]);
    // The same history rising gives no warning.
    expect(
      alerts(
        [kpi('Revenue', { target: 70 })],
        {
          Revenue: [
            ['2026-07', 70],
            ['2026-08', 80],
            ['2026-09', 90],
            ['2026-10', 100],
          ],
        },
        '2026-11-20',
      ),
    ).toEqual([]);
  });

  it('leaves out news older than the look-back', () => {
    const snapshot = {
      ...workspace([]),
      alerts: inputs([kpi('Revenue')], {
        Revenue: [
          ['2025-01', 100],
          ['2025-02', 50],
        ],
      }),
    };
    expect(workspaceAlerts(snapshot, '2026-04-02', '2026-01-01', 'en-GB')).toEqual([]);
  });

  it('is notified once, even when its value is corrected and still off track; a snooze brings it back', () => {
    const [alert] = alerts([kpi('Revenue')], {
      Revenue: [
        ['2026-02', 100],
        ['2026-03', 50],
      ],
    });
    if (!alert) throw new Error('expected an alert');
    const start = Date.parse('2026-04-01T00:00:00Z');
    const now = Date.parse(ENTERED) + 60_000;
    const state = { ...EMPTY_INBOX, since: new Date(start).toISOString() };
    const first = takeNotices([alert], state, now, DEFAULT_PREFERENCES, 'UTC');
    expect(first.notices.map((n) => [n.title, n.kpiId])).toEqual([
      ['Revenue went off track in Mar 2026', 'Revenue'],
    ]);
    const corrected = { ...alert, dueAt: new Date(now + 3_600_000).toISOString() };
    const later = now + 2 * 3_600_000;
    expect(
      takeNotices([corrected], first.state, later, DEFAULT_PREFERENCES, 'UTC').notices,
    ).toEqual([]);
    expect(inboxItems([corrected], first.state, later).map((i) => i.title)).toEqual([
      'Revenue went off track in Mar 2026',
    ]);
    const snoozed = snooze(first.state, alert.key, later + 3_600_000);
    expect(
      takeNotices([corrected], snoozed, later + 3_600_001, DEFAULT_PREFERENCES, 'UTC').notices,
    ).toHaveLength(1);
  });

  it('reads only recent history, and finds the same alerts as with all of it', () => {
    // Ten years of a monthly KPI and a quarterly one, both falling at the end.
    const months: [string, number][] = [];
    for (let year = 2016; year <= 2026; year += 1)
      for (let month = 1; month <= 12; month += 1)
        if (year < 2026 || month <= 10)
          months.push([`${year}-${String(month).padStart(2, '0')}`, 200 - (year - 2016) * 10]);
    const quarters: [string, number][] = [];
    for (let year = 2016; year <= 2026; year += 1)
      for (let q = 1; q <= 4; q += 1)
        if (year < 2026 || q <= 3) quarters.push([`${year}-Q${q}`, 100]);
    quarters[quarters.length - 1] = ['2026-Q3', 50];
    const kpis = [
      kpi('Revenue', { target: 120 }),
      kpi('Quality', { frequency: 'quarterly', objectiveId: 'obj2' }),
    ];
    const oldest = oldestPeriodsRead('2026-08-25');
    const recent = {
      Revenue: months.filter(([period]) => period >= oldest.monthly),
      Quality: quarters.filter(([period]) => period >= oldest.quarterly),
    };
    expect(recent.Revenue.length).toBeLessThan(months.length / 4);
    const all = alerts(kpis, { Revenue: months, Quality: quarters }, '2026-11-20');
    expect(all.map((a) => a.title)).toEqual([
      'Revenue is projected to miss its Nov 2026 target',
      'Quality went off track in Q3 2026',
      'Quality is projected to miss its Q4 2026 target',
    ]);
    expect(alerts(kpis, recent, '2026-11-20')).toEqual(all);
  });
});
