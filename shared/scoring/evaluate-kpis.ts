import type { Unit } from '../domain/entities';
import {
  FREQUENCIES,
  type Aggregation,
  type Direction,
  type Frequency,
  type Rollup,
  type Status,
  type Thresholds,
} from '../domain/kpi';
import { parsePeriod, shiftPeriod } from '../domain/period';
import { atDisplayPrecision, statusOf, type StatusInput } from '../domain/status';
import { evaluateFormulaChecked } from '../formula/evaluate';
import { formulaIdentifiers, parseFormula, type FormulaNode } from '../formula/parser';
import { aggregate, aggregateByView, strictlyInOrder, type PeriodValue } from './aggregate';
import { bucketsEndingAt, periodOrdinal, periodsOfBucket } from './buckets';
import { bucketPeriods, type FrequencyPeriods } from './bucket-periods';
import { bucketPlacer, type ViewSpec } from './calendar';
import { FORECAST_WINDOW, forecastBucket, type BucketForecast } from './forecast';
import { coarseEvaluation, coarseSeries, coarserThanView } from './mixed-frequency';
import { scoreOf } from './score';
import { targetFor, type TargetPlan } from './targets';

// Every KPI of a scorecard evaluated for one view period: value (entered, rolled up from
// children, or calculated by formula), target, status, score, trend, sparkline and forecast.

export interface EvaluationKpi {
  id: string;
  code: string;
  unit: Unit;
  frequency: Frequency;
  aggregation: Aggregation;
  direction: Direction;
  /** The constant target, used when there is no plan. */
  target: number | null;
  targetPlan: TargetPlan | null;
  targetMin: number | null;
  targetMax: number | null;
  stretchTarget: number | null;
  thresholds: Thresholds;
  weight: number;
  rollup: Rollup;
  parentKpiId: string | null;
  formula: string | null;
  /** Display decimals: statuses and scores compare value and target as shown. */
  decimals?: number;
}

export type ValueSource = 'entered' | 'rolled_up' | 'calculated';
export type Trend = 'up' | 'down' | 'flat' | null;

export interface KpiEvaluation {
  kpiId: string;
  source: ValueSource;
  value: number | null;
  target: number | null;
  stretchTarget: number | null;
  status: Status;
  score: number | null;
  previousValue: number | null;
  /** Direction of change against the previous period; `improved` says whether that is good. */
  trend: Trend;
  improved: boolean | null;
  /** Values of the last `sparklineLength` view periods, oldest first (null: no data). */
  sparkline: (number | null)[];
  sparklineBuckets: string[];
  /** True when the target covers only the reported part of the period (see bucketTarget). */
  targetToDate: boolean;
  /** For a period that is not complete yet: where the trend says it will end. */
  forecast: BucketForecast | null;
  /** For roll-ups and formulas: how many inputs had no data in this period… */
  missingInputs: number;
  /**
   * The value of this period is beyond what a number can hold (±1.8e308): a sum or roll-up of
   * huge values, or a formula on them. `value` is then null, but this is not "no data".
   */
  tooLarge: boolean;
  /** …of how many inputs (children or formula inputs); 0 for entered values. */
  inputs: number;
  /**
   * For a KPI measured less often than the view (a quarterly KPI in a month view): its own
   * period shown, the latest up to the view period ("2026-Q3" in November); else null.
   */
  period: string | null;
}

export interface EvaluationOptions {
  view: ViewSpec;
  bucket: string;
  sparklineLength: number;
  /**
   * Each KPI's latest period with a value, when `values` holds only a window of its history
   * (see valueWindows); without it the latest period is read from `values`.
   */
  latestPeriods?: ReadonlyMap<string, string>;
}

/**
 * The KPI periods (per frequency, inclusive) whose values an evaluation of `bucket` reads: the
 * sparkline's buckets, and enough earlier periods for the forecast's trend.
 */
export function valueWindows(
  options: Pick<EvaluationOptions, 'view' | 'bucket' | 'sparklineLength'>,
): Map<Frequency, { from: string; to: string } | null> {
  const { view, bucket } = options;
  const buckets = bucketsEndingAt(bucket, Math.max(2, options.sparklineLength), view);
  const windows = new Map<Frequency, { from: string; to: string } | null>();
  for (const frequency of FREQUENCIES) {
    const first = periodsOfBucket(frequency, buckets[0] as string, view)[0];
    const last = periodsOfBucket(frequency, bucket, view).at(-1);
    windows.set(
      frequency,
      first !== undefined && last !== undefined
        ? { from: shiftPeriod(frequency, first, -FORECAST_WINDOW), to: last }
        : null,
    );
  }
  return windows;
}

interface Series {
  values: Map<string, number>;
  /** For a KPI coarser than the view: per bucket, the KPI's own period whose value it shows. */
  shown?: Map<string, string>;
  /** …and its values by its own periods. */
  own?: Map<string, number>;
  /** For formulas and roll-ups: how many inputs there are. */
  inputs?: number;
  missingInputs: Map<string, number>;
  /** Buckets whose value overflowed; kept out of `values`, so nothing computes with them. */
  tooLarge: Set<string>;
  source: ValueSource;
  /** The last day covered by a reported value (ISO date), or null when nothing is reported. */
  reportedUntil: string | null;
}

function parsedFormula(kpi: EvaluationKpi): FormulaNode | null {
  if (!kpi.formula) return null;
  try {
    return parseFormula(kpi.formula);
  } catch {
    return null; // formulas are checked when saved; a broken one just gives no data
  }
}

/**
 * The bucket target: the KPI's per-period targets over the bucket, combined like its values.
 * For a summed KPI in a period that is still being reported (a quarter with only its first
 * month in), the target runs to date: only the periods up to the last reported one count, so
 * one month of sales is compared with one month of target, not three. The forecast compares
 * the projection with the whole period's target.
 */
function bucketTarget(
  kpi: EvaluationKpi,
  inBucket: FrequencyPeriods,
  reportedUntil: string | null,
): { target: number | null; toDate: boolean } {
  const plan: TargetPlan | null =
    kpi.targetPlan ?? (kpi.target === null ? null : { kind: 'constant', value: kpi.target });
  if (plan === null) return { target: null, toDate: false };
  const { periods, ends } = inBucket;
  let counted = periods;
  if (kpi.aggregation === 'sum' && reportedUntil !== null) {
    const reported = periods.filter((_, i) => (ends[i] ?? '') <= reportedUntil);
    if (reported.length > 0) counted = reported;
  }
  const targets = counted
    .map((period) => targetFor(plan, kpi.frequency, period))
    .filter((value): value is number => value !== null);
  return { target: aggregate(targets, kpi.aggregation), toDate: counted.length < periods.length };
}

function lastReportedDay(frequency: Frequency, entries: readonly PeriodValue[]): string | null {
  let last: string | null = null;
  for (const { period } of entries) if (last === null || period > last) last = period;
  return last === null ? null : (parsePeriod(frequency, last)?.end ?? null);
}

/**
 * Which way a roll-up's value can still move when children are missing (values assumed not
 * negative): a sum or a max can only grow, a min only shrink; an average either way.
 */
const MISSING_MOVES: Record<Rollup, 'up' | 'down' | 'either'> = {
  manual: 'either',
  sum: 'up',
  max: 'up',
  min: 'down',
  average: 'either',
  weighted_average: 'either',
};

/**
 * Status and score of a KPI, at display precision. A roll-up with children still missing is
 * not called at risk or off track when the missing values could only help (a sum of two of
 * three regions short of the target): its status is "no data" and the view says "2 of 3
 * reported". A shortfall the missing values cannot fix (a sum already over a lower-is-better
 * target), and any roll-up by average, keeps its status.
 */
function rolledUpStatus(
  kpi: EvaluationKpi,
  s: Series,
  bucket: string,
  value: number | null,
  target: number | null,
): { status: Status; score: number | null } {
  // Only what status and score read: a copy of the whole KPI for each took a tenth of the
  // evaluation of 5,000 KPIs.
  const input: StatusInput = {
    value,
    target,
    direction: kpi.direction,
    targetMin: kpi.targetMin,
    targetMax: kpi.targetMax,
    thresholds: kpi.thresholds,
    ...(kpi.decimals === undefined ? {} : { decimals: kpi.decimals }),
  };
  const status = statusOf(input);
  const score = scoreOf(atDisplayPrecision(input));
  const missing = s.missingInputs.get(bucket) ?? 0;
  if (s.source !== 'rolled_up' || missing === 0 || status === 'on_track' || status === 'no_data')
    return { status, score };
  const moves = MISSING_MOVES[kpi.rollup];
  const couldHelp =
    kpi.direction === 'within_range'
      ? moves !== 'either'
      : (moves === 'up' && kpi.direction === 'higher_is_better') ||
        (moves === 'down' && kpi.direction === 'lower_is_better');
  return couldHelp ? { status: 'no_data', score: null } : { status, score };
}

const later = (a: string | null, b: string | null): string | null =>
  a === null ? b : b === null ? a : a > b ? a : b;

function combineChildren(rule: Rollup, items: { value: number; weight: number }[]): number | null {
  if (items.length === 0) return null;
  switch (rule) {
    case 'sum':
      return items.reduce((total, item) => total + item.value, 0);
    case 'average':
      return items.reduce((total, item) => total + item.value, 0) / items.length;
    case 'weighted_average': {
      const weight = items.reduce((total, item) => total + item.weight, 0);
      return weight > 0
        ? items.reduce((total, item) => total + item.value * item.weight, 0) / weight
        : null;
    }
    case 'min':
      return Math.min(...items.map((item) => item.value));
    case 'max':
      return Math.max(...items.map((item) => item.value));
    case 'manual':
      return null;
  }
}

/** The view periods of every KPI's sparkline, oldest first: the last `sparklineLength`. */
export function sparklineBuckets(
  options: Pick<EvaluationOptions, 'view' | 'bucket' | 'sparklineLength'>,
): string[] {
  const { view, bucket, sparklineLength } = options;
  return bucketsEndingAt(bucket, Math.max(2, sparklineLength), view).slice(-sparklineLength);
}

export function evaluateKpis(
  kpis: readonly EvaluationKpi[],
  values: ReadonlyMap<string, readonly PeriodValue[]>,
  options: EvaluationOptions,
): Map<string, KpiEvaluation> {
  const { view, bucket, latestPeriods } = options;
  const buckets = bucketsEndingAt(bucket, Math.max(2, options.sparklineLength), view);
  const sparklinePeriods = sparklineBuckets(options);
  const place = bucketPlacer(view);
  const periodsIn = bucketPeriods(bucket, view);
  const byId = new Map(kpis.map((kpi) => [kpi.id, kpi]));
  const byCode = new Map(kpis.map((kpi) => [kpi.code, kpi]));
  const children = new Map<string, EvaluationKpi[]>();
  for (const kpi of kpis) {
    if (kpi.parentKpiId !== null && byId.has(kpi.parentKpiId)) {
      const list = children.get(kpi.parentKpiId);
      if (list) list.push(kpi);
      else children.set(kpi.parentKpiId, [kpi]);
    }
  }

  // Only the periods of the evaluated buckets matter: skip the rest of each KPI's history
  // with a string comparison (keys of one frequency sort by time) before any date arithmetic.
  const windows = new Map<Frequency, { from: string; to: string } | null>();
  const inWindow = (
    frequency: Frequency,
    entries: readonly PeriodValue[],
  ): readonly PeriodValue[] => {
    let window = windows.get(frequency);
    if (window === undefined) {
      const from = periodsOfBucket(frequency, buckets[0] as string, view)[0];
      const to = periodsOfBucket(frequency, buckets[buckets.length - 1] as string, view).at(-1);
      window = from !== undefined && to !== undefined ? { from, to } : null;
      windows.set(frequency, window);
    }
    if (window === null) return entries;
    const { from, to } = window;
    return entries.filter((entry) => entry.period >= from && entry.period <= to);
  };

  const series = new Map<string, Series>();
  const inProgress = new Set<string>();
  const empty = (): Series => ({
    values: new Map(),
    missingInputs: new Map(),
    tooLarge: new Set(),
    source: 'entered',
    reportedUntil: null,
  });

  const trees = new Map<string, FormulaNode | null>();
  const treeOf = (kpi: EvaluationKpi): FormulaNode | null => {
    if (!trees.has(kpi.id)) trees.set(kpi.id, parsedFormula(kpi));
    return trees.get(kpi.id) ?? null;
  };
  /** What a KPI's series is computed from: its formula's inputs, or its rolled-up children. */
  const dependenciesOf = (kpi: EvaluationKpi): EvaluationKpi[] => {
    const tree = treeOf(kpi);
    if (tree)
      return formulaIdentifiers(tree).flatMap(({ name }) => {
        const input = byCode.get(name);
        return input ? [input] : [];
      });
    return kpi.rollup !== 'manual' ? (children.get(kpi.id) ?? []) : [];
  };
  // A dependency on the current path is a cycle (refused on save, but files can be edited
  // elsewhere): it reads as "no data".
  const seriesOf = (kpi: EvaluationKpi): Series => series.get(kpi.id) ?? empty();

  // Depth-first in dependency order with an explicit stack, so neither a cycle nor a chain of
  // any depth (a file written by another program) can exhaust the call stack.
  function evaluateSeries(root: EvaluationKpi): Series {
    const stack = [root];
    while (stack.length > 0) {
      const kpi = stack[stack.length - 1] as EvaluationKpi;
      if (series.has(kpi.id)) {
        stack.pop();
        continue;
      }
      if (!inProgress.has(kpi.id)) {
        inProgress.add(kpi.id);
        for (const dependency of dependenciesOf(kpi))
          if (!series.has(dependency.id) && !inProgress.has(dependency.id)) stack.push(dependency);
        continue;
      }
      series.set(kpi.id, computeSeries(kpi));
      inProgress.delete(kpi.id);
      stack.pop();
    }
    return seriesOf(root);
  }

  /** One KPI's series, once every series it depends on is known. */
  function computeSeries(kpi: EvaluationKpi): Series {
    let result: Series;
    const tree = treeOf(kpi);
    const kids = children.get(kpi.id) ?? [];
    if (tree) {
      const inputs = formulaIdentifiers(tree).map(({ name }) => byCode.get(name));
      const inputSeries = new Map(
        inputs.flatMap((input) => (input ? [[input.code, seriesOf(input)] as const] : [])),
      );
      result = {
        values: new Map(),
        missingInputs: new Map(),
        tooLarge: new Set(),
        source: 'calculated',
        inputs: inputs.length,
        reportedUntil: [...inputSeries.values()].reduce<string | null>(
          (day, s) => later(day, s.reportedUntil),
          null,
        ),
      };
      for (const b of buckets) {
        let missing = 0;
        const hugeInput = [...inputSeries.values()].some((s) => s.tooLarge.has(b));
        const { value, overflow } = evaluateFormulaChecked(tree, (code) => {
          const s = inputSeries.get(code);
          const v = s?.values.get(b) ?? null;
          if (v === null && s?.tooLarge.has(b) !== true) missing += 1;
          return v;
        });
        if (value !== null) result.values.set(b, value);
        else if (overflow || hugeInput) result.tooLarge.add(b);
        result.missingInputs.set(b, missing);
      }
    } else if (kpi.rollup !== 'manual' && kids.length > 0) {
      const kidSeries = kids.map((kid) => ({ kid, series: seriesOf(kid) }));
      result = {
        values: new Map(),
        missingInputs: new Map(),
        tooLarge: new Set(),
        source: 'rolled_up',
        inputs: kids.length,
        reportedUntil: kidSeries.reduce<string | null>(
          (day, { series: s }) => later(day, s.reportedUntil),
          null,
        ),
      };
      for (const b of buckets) {
        const items = kidSeries.flatMap(({ kid, series: s }) => {
          const v = s.values.get(b);
          return v === undefined ? [] : [{ value: v, weight: kid.weight }];
        });
        const hugeKids = kidSeries.filter(({ series: s }) => s.tooLarge.has(b)).length;
        const value = hugeKids > 0 ? null : combineChildren(kpi.rollup, items);
        if (hugeKids > 0 || (value !== null && !Number.isFinite(value))) result.tooLarge.add(b);
        else if (value !== null) result.values.set(b, value);
        result.missingInputs.set(b, kids.length - items.length - hugeKids);
      }
    } else if (coarserThanView(kpi.frequency, view)) {
      const entered = values.get(kpi.id) ?? [];
      result = {
        ...coarseSeries(kpi.frequency, entered, buckets, view),
        missingInputs: new Map(),
        tooLarge: new Set(),
        source: 'entered',
        reportedUntil: null,
      };
    } else {
      const entered = values.get(kpi.id) ?? [];
      const own = aggregateByView(
        inWindow(kpi.frequency, entered),
        kpi.frequency,
        kpi.aggregation,
        view,
        place,
      );
      const tooLarge = new Set<string>();
      for (const [b, v] of own)
        if (!Number.isFinite(v)) {
          own.delete(b);
          tooLarge.add(b);
        }
      result = {
        values: own,
        missingInputs: new Map(),
        tooLarge,
        source: 'entered',
        reportedUntil: lastReportedDay(
          kpi.frequency,
          latestPeriods?.has(kpi.id)
            ? [{ period: latestPeriods.get(kpi.id) as string, value: 0 }]
            : entered,
        ),
      };
    }
    return result;
  }

  const evaluations = new Map<string, KpiEvaluation>();
  for (const kpi of kpis) {
    const s = evaluateSeries(kpi);
    if (s.shown) {
      evaluations.set(
        kpi.id,
        coarseEvaluation(
          kpi,
          { values: s.values, shown: s.shown, own: s.own ?? new Map<string, number>() },
          {
            buckets,
            sparklineLength: options.sparklineLength,
            bucket,
          },
        ),
      );
      continue;
    }
    const value = s.values.get(bucket) ?? null;
    const inBucket = periodsIn(kpi.frequency);
    const { target, toDate } = bucketTarget(kpi, inBucket, s.reportedUntil);
    const fullTarget = toDate ? bucketTarget(kpi, inBucket, null).target : target;
    const previousBucket = buckets[buckets.length - 2] as string;
    const previousValue = s.values.get(previousBucket) ?? null;
    let trend: Trend = null;
    let improved: boolean | null = null;
    if (value !== null && previousValue !== null) {
      trend = value > previousValue ? 'up' : value < previousValue ? 'down' : 'flat';
      if (trend !== 'flat' && kpi.direction !== 'within_range')
        improved = (trend === 'up') === (kpi.direction === 'higher_is_better');
    }
    evaluations.set(kpi.id, {
      kpiId: kpi.id,
      source: s.source,
      value,
      target,
      stretchTarget: kpi.stretchTarget,
      ...rolledUpStatus(kpi, s, bucket, value, target),
      previousValue,
      trend,
      improved,
      sparkline: sparklinePeriods.map((b) => s.values.get(b) ?? null),
      sparklineBuckets: sparklinePeriods,
      targetToDate: toDate,
      forecast:
        s.source === 'entered'
          ? forecastOf(
              kpi,
              values.get(kpi.id) ?? [],
              fullTarget,
              inBucket,
              latestPeriods?.get(kpi.id),
            )
          : null,
      missingInputs: s.missingInputs.get(bucket) ?? 0,
      tooLarge: s.tooLarge.has(bucket),
      inputs: s.inputs ?? 0,
      period: null,
    });
  }
  return evaluations;
}

/** Forecast for a bucket that still has periods without values, from the KPI's own periods. */
function forecastOf(
  kpi: EvaluationKpi,
  entered: readonly PeriodValue[],
  target: number | null,
  { periods: inBucket, ordinals, earliest }: FrequencyPeriods,
  latest: string | undefined,
): BucketForecast | null {
  const first = inBucket[0];
  if (first === undefined || earliest === undefined) return null;
  const last = inBucket[inBucket.length - 1] as string;
  // Keys of one frequency sort by time: only entries from the first to the last of the
  // bucket's periods can be among them.
  const have = new Set<string>();
  for (const { period } of entered) if (period >= first && period <= last) have.add(period);
  if (inBucket.every((period) => have.has(period))) return null;
  // Only the latest, still open period is forecast; a gap in the past stays a gap.
  if (latest !== undefined ? latest > last : entered.some((entry) => entry.period > last))
    return null;
  // The trend uses the latest FORECAST_WINDOW points at most, and none older than
  // FORECAST_WINDOW periods before the period: a trend from years ago says nothing of today.
  const inRange = entered.filter((entry) => entry.period >= earliest && entry.period <= last);
  // Values are usually read in order: sorted only when they are not.
  const recent = (
    strictlyInOrder(inRange) ? inRange : inRange.sort((a, b) => (a.period < b.period ? -1 : 1))
  ).slice(-FORECAST_WINDOW);
  const history = recent.flatMap((entry) => {
    const index = periodOrdinal(kpi.frequency, entry.period);
    return index === null ? [] : [{ index, value: entry.value }];
  });
  return forecastBucket({
    history,
    bucketIndices: ordinals as readonly number[],
    aggregation: kpi.aggregation,
    direction: kpi.direction,
    target,
    targetMin: kpi.targetMin,
    targetMax: kpi.targetMax,
  });
}
