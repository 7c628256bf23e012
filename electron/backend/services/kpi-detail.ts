import type { KpiDetail, KpiSeriesPoint } from '@shared/domain/evaluation';
import { dependencyClosure, formulaInputs } from '@shared/formula/dependencies';
import { bucketOf } from '@shared/scoring/calendar';
import { evaluateKpis } from '@shared/scoring/evaluate-kpis';
import type { Tx } from '../store/change-log';
import { readEvaluationInputs } from '../store/evaluation-inputs';
import { getKpi } from '../store/kpis';
import { listValues } from '../store/values';
import { checkBucket, periodsWithData, todaysBucket, viewSpec, type ViewInput } from './evaluation';

// One KPI over time, for the detail view and its trend chart.

const MAX_HISTORY = 200;

export function kpiDetail(
  workspace: Tx,
  nowIso: string,
  input: { id: string; view: ViewInput; period?: string | undefined; length: number },
): KpiDetail {
  const { db } = workspace;
  return db.transaction(() => {
    const kpi = getKpi(db, input.id, 'id');
    const view = viewSpec(db, input.view);
    if (input.period !== undefined) checkBucket(input.period, view);
    const inputs = readEvaluationInputs(db);
    const related = dependencyClosure(inputs.kpis, [kpi]);
    const period =
      input.period ?? periodsWithData(db, related, view)[0] ?? todaysBucket(nowIso, view);
    const evaluate = (bucket: string, sparklineLength: number) =>
      evaluateKpis(related, inputs.values, { view, bucket, sparklineLength });

    const now = evaluate(period, input.length);
    const evaluation = now.get(kpi.id);
    if (!evaluation) throw new Error('the KPI was not evaluated');

    const comments = new Map<string, string[]>();
    for (const value of listValues(db, { kpiIds: [kpi.id] })) {
      if (!value.comment) continue;
      const bucket = bucketOf(kpi.frequency, value.period, view);
      if (bucket === null) continue;
      comments.set(bucket, [...(comments.get(bucket) ?? []), value.comment]);
    }
    const series: KpiSeriesPoint[] = evaluation.sparklineBuckets.map((bucket) => {
      const point = bucket === period ? evaluation : evaluate(bucket, 2).get(kpi.id);
      return {
        period: bucket,
        value: point?.value ?? null,
        target: point?.target ?? null,
        stretchTarget: point?.stretchTarget ?? null,
        status: point?.status ?? 'no_data',
        comment: (comments.get(bucket) ?? []).join(' · '),
      };
    });

    const byCode = new Map(inputs.kpis.map((other) => [other.code, other]));
    return {
      kpi,
      view,
      period,
      evaluation,
      series,
      history: workspace.changes.valueHistory(kpi.id, undefined).slice(0, MAX_HISTORY),
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
