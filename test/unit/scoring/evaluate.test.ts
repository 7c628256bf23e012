import { describe, expect, it } from 'vitest';
import { defaultThresholds } from '@shared/domain/kpi';
import { periodsOfBucket, shiftBucket } from '@shared/scoring/buckets';
import { shiftPeriod } from '@shared/domain/period';
import { bucketOf } from '@shared/scoring/calendar';
import type { ViewSpec } from '@shared/scoring/calendar';
import { evaluateKpis, type EvaluationKpi } from '@shared/scoring/evaluate-kpis';
import { evaluateStructure, rollUpStatus } from '@shared/scoring/evaluate-structure';

const month: ViewSpec = { frequency: 'month', basis: 'calendar', fiscalYearStartMonth: 1 };
const quarter: ViewSpec = { frequency: 'quarter', basis: 'calendar', fiscalYearStartMonth: 1 };
const fiscalYear: ViewSpec = { frequency: 'year', basis: 'fiscal', fiscalYearStartMonth: 4 };

function kpi(id: string, overrides: Partial<EvaluationKpi> = {}): EvaluationKpi {
  return {
    id,
    code: id,
    unit: { format: 'number', currency: null, suffix: '' },
    frequency: 'monthly',
    aggregation: 'sum',
    direction: 'higher_is_better',
    target: null,
    targetPlan: null,
    targetMin: null,
    targetMax: null,
    stretchTarget: null,
    thresholds: defaultThresholds(overrides.direction ?? 'higher_is_better'),
    weight: 1,
    rollup: 'manual',
    parentKpiId: null,
    formula: null,
    ...overrides,
  };
}

const series = (entries: Record<string, number>) =>
  Object.entries(entries).map(([period, value]) => ({ period, value }));

describe('buckets', () => {
  it('lists the KPI periods inside a view period', () => {
    expect(periodsOfBucket('monthly', 'FY2027', fiscalYear)).toHaveLength(12);
    expect(periodsOfBucket('monthly', 'FY2027', fiscalYear)[0]).toBe('2026-04');
    expect(periodsOfBucket('quarterly', '2026', { ...quarter, frequency: 'year' })).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
    expect(periodsOfBucket('weekly', '2026-01', month)[0]).toBe('2026-W01');
    expect(periodsOfBucket('daily', '2026-02', month)).toHaveLength(28);
    expect(shiftBucket('FY2027-Q1', -1, { ...fiscalYear, frequency: 'quarter' })).toBe('FY2026-Q4');
  });
});

describe('evaluating KPIs for a period', () => {
  it('sums a monthly KPI and its monthly target over a quarter', () => {
    const result = evaluateKpis(
      [kpi('sales', { target: 100 })],
      new Map([['sales', series({ '2026-01': 90, '2026-02': 100, '2026-03': 95 })]]),
      { view: quarter, bucket: '2026-Q1', sparklineLength: 4 },
    ).get('sales');
    expect(result?.value).toBe(285);
    expect(result?.target).toBe(300);
    expect(result?.status).toBe('at_risk'); // 95 % of target, at-risk threshold 90 %
    expect(result?.score).toBe(95);
    expect(result?.sparkline).toEqual([null, null, null, 285]);
  });

  it('uses a fiscal year starting in April', () => {
    const values = series({ '2026-03': 1000, '2026-04': 10, '2027-03': 5, '2027-04': 1000 });
    const result = evaluateKpis([kpi('sales')], new Map([['sales', values]]), {
      view: fiscalYear,
      bucket: 'FY2027',
      sparklineLength: 2,
    }).get('sales');
    expect(result?.value).toBe(15);
    expect(result?.previousValue).toBe(1000);
    expect(result?.trend).toBe('down');
    expect(result?.improved).toBe(false);
  });

  it('scores a lower-is-better KPI with a zero actual at the cap, on track', () => {
    const result = evaluateKpis(
      [kpi('defects', { direction: 'lower_is_better', target: 3, aggregation: 'sum' })],
      new Map([['defects', series({ '2026-05': 0 })]]),
      { view: month, bucket: '2026-05', sparklineLength: 1 },
    ).get('defects');
    expect(result?.status).toBe('on_track');
    expect(result?.score).toBe(150);
  });

  it('gives no data for a formula dividing by zero, and a value when inputs allow', () => {
    const kpis = [
      kpi('profit'),
      kpi('revenue'),
      kpi('margin', { formula: 'profit / revenue * 100', aggregation: 'average', target: 10 }),
    ];
    const values = new Map([
      ['profit', series({ '2026-01': 50, '2026-02': 14_460 })],
      ['revenue', series({ '2026-01': 0, '2026-02': 120_500.5 })],
    ]);
    const jan = evaluateKpis(kpis, values, { view: month, bucket: '2026-01', sparklineLength: 1 });
    expect(jan.get('margin')?.value).toBeNull();
    expect(jan.get('margin')?.status).toBe('no_data');
    const feb = evaluateKpis(kpis, values, { view: month, bucket: '2026-02', sparklineLength: 1 });
    expect(feb.get('margin')?.value?.toFixed(2)).toBe('12.00');
    expect(feb.get('margin')?.source).toBe('calculated');
    expect(feb.get('margin')?.status).toBe('on_track');
  });

  it('computes a formula on the period totals (a ratio of sums, not a sum of ratios)', () => {
    const kpis = [
      kpi('profit'),
      kpi('revenue'),
      kpi('margin', { formula: 'profit / revenue * 100' }),
    ];
    const values = new Map([
      ['profit', series({ '2026-01': 10, '2026-02': 30 })],
      ['revenue', series({ '2026-01': 100, '2026-02': 100 })],
    ]);
    const q1 = evaluateKpis(kpis, values, { view: quarter, bucket: '2026-Q1', sparklineLength: 1 });
    expect(q1.get('margin')?.value).toBe(20);
  });

  it('rolls a parent up from children with gaps, saying how many had no data', () => {
    const kpis = [
      kpi('total', { rollup: 'sum' }),
      kpi('north', { parentKpiId: 'total' }),
      kpi('south', { parentKpiId: 'total' }),
      kpi('avg', { rollup: 'weighted_average' }),
      kpi('a', { parentKpiId: 'avg', weight: 3 }),
      kpi('b', { parentKpiId: 'avg', weight: 1 }),
    ];
    const values = new Map([
      ['north', series({ '2026-01': 10, '2026-02': 20 })],
      ['south', series({ '2026-01': 5 })],
      ['a', series({ '2026-01': 100 })],
      ['b', series({ '2026-01': 60 })],
    ]);
    const jan = evaluateKpis(kpis, values, { view: month, bucket: '2026-01', sparklineLength: 2 });
    expect(jan.get('total')?.value).toBe(15);
    expect(jan.get('total')?.missingInputs).toBe(0);
    expect(jan.get('avg')?.value).toBe(90);
    const feb = evaluateKpis(kpis, values, { view: month, bucket: '2026-02', sparklineLength: 2 });
    expect(feb.get('total')?.value).toBe(20);
    expect(feb.get('total')?.missingInputs).toBe(1);
    expect(feb.get('total')?.source).toBe('rolled_up');
  });

  it('survives a cycle written into a file by something else: no data, no hang', () => {
    const kpis = [kpi('x', { formula: 'y + 1' }), kpi('y', { formula: 'x + 1' })];
    const result = evaluateKpis(kpis, new Map(), {
      view: month,
      bucket: '2026-01',
      sparklineLength: 1,
    });
    expect(result.get('x')?.value).toBeNull();
    expect(result.get('y')?.value).toBeNull();
  });

  it('forecasts an open quarter from the monthly trend', () => {
    const values = series({
      '2025-10': 100,
      '2025-11': 110,
      '2025-12': 120,
      '2026-01': 130,
    });
    const result = evaluateKpis([kpi('sales', { target: 140 })], new Map([['sales', values]]), {
      view: quarter,
      bucket: '2026-Q1',
      sparklineLength: 1,
    }).get('sales');
    expect(result?.forecast?.projected).toBeCloseTo(130 + 140 + 150, 6);
    expect(result?.forecast?.verdict).toBe('on_track_to_hit'); // 420 ≥ 3 × 140
  });
});

describe('roll-ups of the scorecard structure', () => {
  it('weights objectives, perspectives and child scorecards', () => {
    const evaluations = evaluateKpis(
      [kpi('k1', { target: 100 }), kpi('k2', { target: 100 }), kpi('k3', { target: 100 })],
      new Map([
        ['k1', series({ '2026-01': 100 })],
        ['k2', series({ '2026-01': 80 })],
        ['k3', series({ '2026-01': 50 })],
      ]),
      { view: month, bucket: '2026-01', sparklineLength: 1 },
    );
    const scores = evaluateStructure({
      kpis: [
        { id: 'k1', objectiveId: 'o1', parentKpiId: null, weight: 3 },
        { id: 'k2', objectiveId: 'o1', parentKpiId: null, weight: 1 },
        { id: 'k3', objectiveId: 'o2', parentKpiId: null, weight: 1 },
      ],
      objectives: [
        { id: 'o1', perspectiveId: 'p1', weight: 1 },
        { id: 'o2', perspectiveId: 'p2', weight: 1 },
        { id: 'o3', perspectiveId: 'p2', weight: 5 },
      ],
      perspectives: [
        { id: 'p1', scorecardId: 'company', weight: 1 },
        { id: 'p2', scorecardId: 'team', weight: 1 },
      ],
      scorecards: [
        { id: 'company', parentId: null },
        { id: 'team', parentId: 'company' },
      ],
      evaluations,
    });
    // k1 on track (weight 3), k2 at 80 % off track (weight 1): 75 points, at risk — one
    // number for both score and status (evaluate-structure.ts).
    expect(scores.objectives.get('o1')).toMatchObject({ score: 75, health: 75, status: 'at_risk' });
    expect(scores.objectives.get('o3')).toMatchObject({ score: null, status: 'no_data' });
    expect(scores.perspectives.get('p2')).toMatchObject({
      score: 0,
      noData: 1,
      total: 2,
      status: 'off_track',
    });
    expect(scores.cascaded.get('company')).toMatchObject({
      score: 37.5,
      health: 37.5,
      status: 'off_track',
    });
    expect(rollUpStatus(80)).toBe('on_track');
    expect(rollUpStatus(79.9)).toBe('at_risk');
    expect(rollUpStatus(39.9)).toBe('off_track');
  });
});

describe('roll-up statuses follow the statuses below', () => {
  it('an objective with one KPI shows that KPI status, and a score that agrees with it', () => {
    // 95 % of target is on track under thresholds of 95 / 85.
    const evaluations = evaluateKpis(
      [
        kpi('k', {
          target: 100,
          thresholds: { mode: 'percent_of_target', onTrack: 95, atRisk: 85 },
        }),
      ],
      new Map([['k', series({ '2026-01': 95 })]]),
      { view: month, bucket: '2026-01', sparklineLength: 1 },
    );
    const scores = evaluateStructure({
      kpis: [{ id: 'k', objectiveId: 'o', parentKpiId: null, weight: 1 }],
      objectives: [{ id: 'o', perspectiveId: 'p', weight: 1 }],
      perspectives: [{ id: 'p', scorecardId: 's', weight: 1 }],
      scorecards: [{ id: 's', parentId: null }],
      evaluations,
    });
    expect(evaluations.get('k')?.status).toBe('on_track');
    expect(scores.objectives.get('o')).toMatchObject({ score: 100, status: 'on_track' });
    for (const node of [...scores.objectives.values(), ...scores.perspectives.values()])
      expect(node.status).toBe(rollUpStatus(node.score));
  });
});

describe('a period still being reported', () => {
  it('compares a summed KPI with its target to date, and forecasts against the whole target', () => {
    const values = series({ '2025-10': 100, '2025-11': 100, '2025-12': 100, '2026-01': 100 });
    const result = evaluateKpis([kpi('sales', { target: 100 })], new Map([['sales', values]]), {
      view: quarter,
      bucket: '2026-Q1',
      sparklineLength: 2,
    }).get('sales');
    expect(result).toMatchObject({
      value: 100,
      target: 100,
      targetToDate: true,
      status: 'on_track',
    });
    expect(result?.forecast?.projected).toBeCloseTo(300, 6);
    expect(result?.forecast?.verdict).toBe('on_track_to_hit');
    // The completed quarter before it counts its whole target.
    const q4 = evaluateKpis([kpi('sales', { target: 100 })], new Map([['sales', values]]), {
      view: quarter,
      bucket: '2025-Q4',
      sparklineLength: 2,
    }).get('sales');
    expect(q4).toMatchObject({ value: 300, target: 300, targetToDate: false });
  });
});

/**
 * A monthly history with gaps (null: no value that month), how many months past its start the
 * view's period lies, the view's frequency and the KPI's aggregation: the cases both history
 * laws below are checked over.
 */
function historyCases(
  fc: (typeof import('fast-check'))['default'],
  months: number,
  maxOffset: number,
) {
  return [
    fc.array(fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }), {
      minLength: 1,
      maxLength: months,
    }),
    fc.integer({ min: 0, max: maxOffset }),
    fc.constantFrom<'month' | 'quarter' | 'year'>('month', 'quarter', 'year'),
    fc.constantFrom<'sum' | 'average' | 'last'>('sum', 'average', 'last'),
  ] as const;
}

/** A case's history as monthly values from January 2020. */
const monthlyHistory = (raw: readonly (number | null)[]) =>
  raw.flatMap((value, i) =>
    value === null ? [] : [{ period: shiftPeriod('monthly', '2020-01', i), value }],
  );

/** Entered KPIs a and b (b a child of the roll-up p) and c calculated from them. */
const mixedKpis = (aggregation: 'sum' | 'average' | 'last') => [
  kpi('a', { target: 100, aggregation }),
  kpi('b', { target: 50, aggregation, parentKpiId: 'p' }),
  kpi('p', { rollup: 'sum', target: 60 }),
  kpi('c', { formula: 'a / b * 100', target: 150 }),
];

/** A calendar view of `frequency` and its period `offset` months past January 2020. */
function viewAt(frequency: ViewSpec['frequency'], offset: number) {
  const view: ViewSpec = { frequency, basis: 'calendar', fiscalYearStartMonth: 1 };
  const bucket = bucketOf('monthly', shiftPeriod('monthly', '2020-01', offset), view) as string;
  return { view, bucket };
}

describe('evaluating from a window of the history', () => {
  it('gives exactly what evaluating the whole history gives', async () => {
    const { default: fc } = await import('fast-check');
    const { valueWindows } = await import('@shared/scoring/evaluate-kpis');
    fc.assert(
      fc.property(...historyCases(fc, 60, 70), (raw, offset, frequency, aggregation) => {
        const history = monthlyHistory(raw);
        const kpis = mixedKpis(aggregation);
        const full = new Map([
          ['a', history],
          ['b', history.filter((_, i) => i % 3 !== 0)],
        ]);
        const options = { ...viewAt(frequency, offset), sparklineLength: 6 };
        const window = valueWindows(options).get('monthly');
        const windowed = new Map(
          [...full].map(([id, list]) => [
            id,
            list.filter(
              (entry) => !window || (entry.period >= window.from && entry.period <= window.to),
            ),
          ]),
        );
        const latestPeriods = new Map(
          [...full].flatMap(([id, list]) =>
            list.length > 0 ? [[id, list[list.length - 1]?.period as string]] : [],
          ),
        );
        expect(evaluateKpis(kpis, windowed, { ...options, latestPeriods })).toEqual(
          evaluateKpis(kpis, full, options),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('the order values come in', () => {
  // Values are read in period order, and the engine skips sorting what is in order already
  // (issue 19): values in any other order must give the same evaluation.
  it('does not change the evaluation', async () => {
    const { default: fc } = await import('fast-check');
    fc.assert(
      fc.property(
        ...historyCases(fc, 40, 45),
        fc.array(fc.integer(), { minLength: 40, maxLength: 40 }),
        (raw, offset, frequency, aggregation, keys) => {
          const history = monthlyHistory(raw);
          const kpis = [
            ...mixedKpis(aggregation),
            kpi('r', { direction: 'within_range', targetMin: 90, targetMax: 110 }),
          ];
          const inOrder = new Map([
            ['a', history],
            ['b', history.filter((_, i) => i % 3 !== 0)],
            ['r', history],
          ]);
          // The same entries, reordered by random keys.
          const shuffled = new Map(
            [...inOrder].map(([id, list]) => [
              id,
              list
                .map((entry, i) => ({ entry, key: keys[i % keys.length] ?? 0 }))
                .sort((x, y) => x.key - y.key)
                .map(({ entry }) => entry),
            ]),
          );
          const options = { ...viewAt(frequency, offset), sparklineLength: 6 };
          expect(evaluateKpis(kpis, shuffled, options)).toEqual(
            evaluateKpis(kpis, inOrder, options),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the sparkline length', () => {
  // The dashboard reads the evaluation the scorecard view keeps (12 points) instead of one of its
  // own (2 points), so the two must agree on everything but the sparkline (issue 19).
  it('changes only the sparkline: values, statuses, trends and forecasts stay', async () => {
    const { default: fc } = await import('fast-check');
    fc.assert(
      fc.property(
        ...historyCases(fc, 40, 45),
        fc.integer({ min: 2, max: 60 }),
        (raw, offset, frequency, aggregation, length) => {
          const monthly = monthlyHistory(raw);
          const quarterly = raw.flatMap((value, i) =>
            value === null || i % 3 !== 0
              ? []
              : [{ period: shiftPeriod('quarterly', '2020-Q1', i / 3), value }],
          );
          const kpis = [
            ...mixedKpis(aggregation),
            kpi('q', { frequency: 'quarterly', target: 120, aggregation }),
            kpi('r', { direction: 'within_range', targetMin: 90, targetMax: 110 }),
          ];
          const values = new Map([
            ['a', monthly],
            ['b', monthly.filter((_, i) => i % 3 !== 0)],
            ['q', quarterly],
            ['r', monthly],
          ]);
          const { view, bucket } = viewAt(frequency, offset);
          const short = evaluateKpis(kpis, values, { view, bucket, sparklineLength: 2 });
          const long = evaluateKpis(kpis, values, { view, bucket, sparklineLength: length });
          for (const { id } of kpis) {
            const a = short.get(id);
            const b = long.get(id);
            expect({ ...b, sparkline: null, sparklineBuckets: null }).toEqual({
              ...a,
              sparkline: null,
              sparklineBuckets: null,
            });
            // The longer sparkline ends with the shorter one.
            expect(b?.sparkline.slice(-2)).toEqual(a?.sparkline);
            expect(b?.sparklineBuckets.slice(-2)).toEqual(a?.sparklineBuckets);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
