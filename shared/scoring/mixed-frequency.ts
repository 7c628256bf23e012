import type { Frequency } from '../domain/kpi';
import { FREQUENCY_RANK } from '../domain/kpi';
import { parsePeriod, periodKeyOfDay, shiftPeriod } from '../domain/period';
import { atDisplayPrecision, statusOf } from '../domain/status';
import type { PeriodValue } from './aggregate';
import { monthsOfBucket, type ViewSpec } from './calendar';
import type { EvaluationKpi, KpiEvaluation, Trend } from './evaluate-kpis';
import { scoreOf } from './score';
import { targetFor, type TargetPlan } from './targets';

// KPIs measured less often than the view: a quarterly KPI in a month view shows its own latest
// quarter, named ("Q3 2026"), with the status of that quarter against that quarter's target,
// rather than "No data" in the two months of three that have no value of their own.

const VIEW_RANK = { month: 2, quarter: 3, year: 4 } as const;

export interface CoarseSeries {
  /** Per view period, the value shown. */
  values: Map<string, number>;
  /** Per view period, the KPI's own period whose value it is. */
  shown: Map<string, string>;
  /** The KPI's values by its own periods. */
  own: Map<string, number>;
}

/** True when a KPI's periods are longer than the view's (a quarterly KPI by month). */
export function coarserThanView(frequency: Frequency, view: ViewSpec): boolean {
  return FREQUENCY_RANK[frequency] > VIEW_RANK[view.frequency];
}

/**
 * A coarser KPI in each view period: the value of its own period containing the view period's
 * last day, or else of the one before — so November shows Q4 once it is in, Q3 until then,
 * and nothing older (a value two quarters old is not the current state).
 */
export function coarseSeries(
  frequency: Frequency,
  entered: readonly PeriodValue[],
  buckets: readonly string[],
  view: ViewSpec,
): CoarseSeries {
  const own = new Map(entered.map((entry) => [entry.period, entry.value]));
  const values = new Map<string, number>();
  const shown = new Map<string, string>();
  for (const bucket of buckets) {
    const lastMonth = monthsOfBucket(bucket, view).at(-1);
    const lastDay = lastMonth === undefined ? undefined : parsePeriod('monthly', lastMonth)?.end;
    if (lastDay === undefined) continue;
    const current = periodKeyOfDay(frequency, lastDay);
    for (const period of [current, shiftPeriod(frequency, current, -1)]) {
      const value = own.get(period);
      if (value !== undefined) {
        values.set(bucket, value);
        shown.set(bucket, period);
        break;
      }
    }
  }
  return { values, shown, own };
}

/**
 * A coarser KPI's evaluation in a finer view: its own shown period's value, target, status
 * and score, the trend against its own period before, and the sparkline by view period.
 */
export function coarseEvaluation(
  kpi: EvaluationKpi,
  s: CoarseSeries,
  at: { buckets: readonly string[]; sparklineLength: number; bucket: string },
): KpiEvaluation {
  const { buckets, sparklineLength, bucket } = at;
  const shown = s.shown.get(bucket) ?? null;
  const value = s.values.get(bucket) ?? null;
  const plan: TargetPlan | null =
    kpi.targetPlan ?? (kpi.target === null ? null : { kind: 'constant', value: kpi.target });
  const target = shown === null || plan === null ? null : targetFor(plan, kpi.frequency, shown);
  // The period before the shown one, in the KPI's own periods (Q2 before Q3).
  const previousValue =
    shown === null ? null : (s.own.get(shiftPeriod(kpi.frequency, shown, -1)) ?? null);
  let trend: Trend = null;
  let improved: boolean | null = null;
  if (value !== null && previousValue !== null) {
    trend = value > previousValue ? 'up' : value < previousValue ? 'down' : 'flat';
    if (trend !== 'flat' && kpi.direction !== 'within_range')
      improved = (trend === 'up') === (kpi.direction === 'higher_is_better');
  }
  const sparklineBuckets = buckets.slice(-sparklineLength);
  return {
    kpiId: kpi.id,
    source: 'entered',
    value,
    target,
    stretchTarget: kpi.stretchTarget,
    status: statusOf({ ...kpi, value, target }),
    score: scoreOf(atDisplayPrecision({ ...kpi, value, target })),
    previousValue,
    trend,
    improved,
    sparkline: sparklineBuckets.map((b) => s.values.get(b) ?? null),
    sparklineBuckets,
    targetToDate: false,
    forecast: null,
    missingInputs: 0,
    tooLarge: false,
    inputs: 0,
    period: shown,
  };
}
