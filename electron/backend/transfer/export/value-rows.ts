import type { Kpi } from '@shared/domain/entities';
import type { Frequency, Status } from '@shared/domain/kpi';
import { parsePeriod, type Period } from '@shared/domain/period';
import { statusOf } from '@shared/domain/status';
import { dependencyClosure } from '@shared/formula/dependencies';
import type { PeriodValue } from '@shared/scoring/aggregate';
import { bucketOf, type ViewFrequency, type ViewSpec } from '@shared/scoring/calendar';
import { evaluateKpis } from '@shared/scoring/evaluate-kpis';
import { targetFor } from '@shared/scoring/targets';
import { readEvaluationInputs } from '../../store/evaluation-inputs';
import { listKpis } from '../../store/kpis';
import type { Db } from '../../workspace/connection';
import { inRange, type PeriodRange } from './period-range';

// The rows of a values export: each KPI's own periods with the value and status the scorecard
// shows for that period.
//
// - A KPI whose values are entered: each stored value, with the engine's rule for a bucket of
//   one period — the value is its own aggregate, the target is `targetFor` that period, the
//   status `statusOf` the two (shared/scoring/evaluate-kpis.ts, bucketTarget). Evaluating
//   the whole engine once per period would give the same answer 60 times slower.
// - A rolled-up or calculated KPI (monthly, quarterly or yearly): the scoring engine itself,
//   in a calendar view of the KPI's own granularity, over the KPIs its value depends on; its
//   value comes from its children or formula, not from what may be stored for it.
// - A rolled-up or calculated daily or weekly KPI has no view of its granularity: its stored
//   values, if any, are exported like entered ones.

export interface ValueRow {
  kpi: Kpi;
  period: Period;
  /** null: the KPI has a comment for the period but the engine gives it no value. */
  value: number | null;
  status: Status;
  comment: string;
}

const VIEW_OF: Partial<Record<Frequency, ViewFrequency>> = {
  monthly: 'month',
  quarterly: 'quarter',
  yearly: 'year',
};

export interface ValueRowQuery {
  scorecardId?: string | undefined;
  range: PeriodRange;
}

function enteredRow(kpi: Kpi, period: Period, value: number, comment: string): ValueRow {
  const plan =
    kpi.targetPlan ??
    (kpi.target === null ? null : { kind: 'constant' as const, value: kpi.target });
  const target = targetFor(plan, kpi.frequency, period.key);
  return { kpi, period, value, status: statusOf({ ...kpi, value, target }), comment };
}

export function collectValueRows(db: Db, query: ValueRowQuery): { kpis: Kpi[]; rows: ValueRow[] } {
  const kpis = listKpis(db, query.scorecardId);
  const inputs = readEvaluationInputs(db);
  const comments = new Map(
    db
      .prepare<[], { kpi_id: string; period: string; comment: string }>(
        "SELECT kpi_id, period, comment FROM kpi_values WHERE comment <> ''",
      )
      .all()
      .map((row) => [`${row.kpi_id}/${row.period}`, row.comment]),
  );
  const hasChildren = new Set(
    inputs.kpis.flatMap((kpi) => (kpi.parentKpiId === null ? [] : [kpi.parentKpiId])),
  );
  const derived = (kpi: Kpi) =>
    VIEW_OF[kpi.frequency] !== undefined &&
    (kpi.formula !== null || (kpi.rollup !== 'manual' && hasChildren.has(kpi.id)));

  const rows: ValueRow[] = [];
  for (const kpi of kpis) {
    if (derived(kpi)) continue;
    for (const { period: key, value } of inputs.values.get(kpi.id) ?? []) {
      const period = parsePeriod(kpi.frequency, key);
      if (period && inRange(query.range, period))
        rows.push(enteredRow(kpi, period, value, comments.get(`${kpi.id}/${key}`) ?? ''));
    }
  }
  for (const [frequency, viewFrequency] of Object.entries(VIEW_OF) as [
    Frequency,
    ViewFrequency,
  ][]) {
    const own = kpis.filter((kpi) => kpi.frequency === frequency && derived(kpi));
    if (own.length === 0) continue;
    const related = dependencyClosure(inputs.kpis, own);
    const view: ViewSpec = { frequency: viewFrequency, basis: 'calendar', fiscalYearStartMonth: 1 };
    // Every bucket in which any input has a value (a parent may have none of its own).
    const buckets = new Set<string>();
    for (const kpi of related)
      for (const { period } of inputs.values.get(kpi.id) ?? []) {
        const bucket = bucketOf(kpi.frequency, period, view);
        if (bucket !== null) buckets.add(bucket);
      }
    const values = new Map<string, PeriodValue[]>(
      related.flatMap((kpi) => {
        const series = inputs.values.get(kpi.id);
        return series ? [[kpi.id, series]] : [];
      }),
    );
    for (const bucket of buckets) {
      const period = parsePeriod(frequency, bucket);
      if (!period || !inRange(query.range, period)) continue;
      const evaluations = evaluateKpis(related, values, { view, bucket, sparklineLength: 2 });
      for (const kpi of own) {
        const evaluation = evaluations.get(kpi.id);
        const comment = comments.get(`${kpi.id}/${bucket}`) ?? '';
        if (!evaluation || (evaluation.value === null && comment === '')) continue;
        rows.push({ kpi, period, value: evaluation.value, status: evaluation.status, comment });
      }
    }
  }

  // KPIs in scorecard order, each KPI's periods oldest first.
  const order = new Map(kpis.map((kpi, index) => [kpi.id, index]));
  rows.sort(
    (a, b) =>
      (order.get(a.kpi.id) ?? 0) - (order.get(b.kpi.id) ?? 0) ||
      (a.period.start < b.period.start ? -1 : a.period.start > b.period.start ? 1 : 0),
  );
  return { kpis, rows };
}
