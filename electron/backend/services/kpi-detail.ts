import type { KpiDetail, KpiSeriesPoint } from '@shared/domain/evaluation';
import type { Kpi } from '@shared/domain/entities';
import { FREQUENCY_RANK } from '@shared/domain/kpi';
import { parsePeriod } from '@shared/domain/period';
import { dependencyClosure, formulaInputs } from '@shared/formula/dependencies';
import { bucketOfDay } from '@shared/scoring/buckets';
import { bucketOf, monthsOfBucket, type ViewSpec } from '@shared/scoring/calendar';
import { defaultPeriod } from '@shared/scoring/default-period';
import { evaluateKpis } from '@shared/scoring/evaluate-kpis';
import type { Tx } from '../store/change-log';
import { readEvaluationInputs } from '../store/evaluation-inputs';
import { getKpi } from '../store/kpis';
import { listValues } from '../store/values';
import { checkBucket, viewSpec, type ViewInput } from './evaluation';
import { reportingKpis } from './period-facts';

// One KPI over time, for the detail view and its trend chart.

const VIEW_OF: Partial<Record<Kpi['frequency'], ViewSpec['frequency']>> = {
  quarterly: 'quarter',
  yearly: 'year',
};

/**
 * A KPI measured less often than the view is charted in its own periods: a quarterly KPI
 * opened from the month view shows quarters (the one holding the month asked for), not
 * months that are empty but for one in three.
 */
function ownView(
  kpi: Kpi,
  view: ViewSpec,
  period: string | undefined,
  length: number,
): { view: ViewSpec; period: string | undefined; length: number } {
  const own = VIEW_OF[kpi.frequency];
  const rank = { month: 2, quarter: 3, year: 4 } as const;
  if (own === undefined || FREQUENCY_RANK[kpi.frequency] <= rank[view.frequency])
    return { view, period, length };
  const coarse: ViewSpec = { ...view, frequency: own };
  const lastMonth = period === undefined ? undefined : monthsOfBucket(period, view).at(-1);
  const lastDay = lastMonth === undefined ? undefined : parsePeriod('monthly', lastMonth)?.end;
  const perYear = { month: 12, quarter: 4, year: 1 } as const;
  return {
    view: coarse,
    period: lastDay === undefined ? undefined : bucketOfDay(lastDay, coarse),
    length: Math.max(4, Math.ceil((length * perYear[own]) / perYear[view.frequency])),
  };
}

export function kpiDetail(
  workspace: Tx,
  nowIso: string,
  input: { id: string; view: ViewInput; period?: string | undefined; length: number },
): KpiDetail {
  const { db } = workspace;
  return db.transaction(() => {
    const kpi = getKpi(db, input.id, 'id');
    const asked = viewSpec(db, input.view);
    if (input.period !== undefined) checkBucket(input.period, asked);
    const { view, period: chosen, length } = ownView(kpi, asked, input.period, input.length);
    const inputs = readEvaluationInputs(db);
    const related = dependencyClosure(inputs.kpis, [kpi]);
    const period =
      chosen ?? defaultPeriod(reportingKpis(db, related, inputs.kpis), view, nowIso.slice(0, 10));
    const evaluate = (bucket: string, sparklineLength: number) =>
      evaluateKpis(related, inputs.values, { view, bucket, sparklineLength });

    const now = evaluate(period, length);
    const evaluation = now.get(kpi.id);
    if (!evaluation) throw new Error('the KPI was not evaluated');

    // A comment belongs to one entered value: a view period lists its values, so the detail
    // can edit each one's comment (a weekly KPI has four or five in a month).
    const entered = new Map<string, KpiSeriesPoint['entered']>();
    for (const value of listValues(db, { kpiIds: [kpi.id] })) {
      const bucket = bucketOf(kpi.frequency, value.period, view);
      if (bucket === null) continue;
      const entry = { period: value.period, comment: value.comment };
      entered.set(bucket, [...(entered.get(bucket) ?? []), entry]);
    }
    const series: KpiSeriesPoint[] = evaluation.sparklineBuckets.map((bucket) => {
      const point = bucket === period ? evaluation : evaluate(bucket, 2).get(kpi.id);
      return {
        period: bucket,
        value: point?.value ?? null,
        target: point?.target ?? null,
        stretchTarget: point?.stretchTarget ?? null,
        status: point?.status ?? 'no_data',
        comment: (entered.get(bucket) ?? [])
          .flatMap((entry) => (entry.comment ? [entry.comment] : []))
          .join(' · '),
        entered: (entered.get(bucket) ?? []).sort((a, b) => (a.period < b.period ? -1 : 1)),
      };
    });

    const byCode = new Map(inputs.kpis.map((other) => [other.code, other]));
    return {
      kpi,
      view,
      period,
      evaluation,
      series,
      parent:
        kpi.parentKpiId === null
          ? null
          : (inputs.kpis.find((other) => other.id === kpi.parentKpiId) ?? null),
      children: inputs.kpis
        .filter((child) => child.parentKpiId === kpi.id)
        .map((child) => ({
          kpi: child,
          value: now.get(child.id)?.value ?? null,
          status: now.get(child.id)?.status ?? 'no_data',
        })),
      inputs: formulaInputs(kpi).flatMap((code) => {
        const other = byCode.get(code);
        return other ? [{ kpi: other, value: now.get(other.id)?.value ?? null }] : [];
      }),
    };
  })();
}
