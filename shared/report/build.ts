import type { ActionPlan } from '../domain/entities';
import type { EvaluatedKpi, EvaluatedObjective, ScorecardEvaluation } from '../domain/evaluation';
import { STATUSES, type Status } from '../domain/kpi';
import { rangeLimits, statusLimits } from '../scoring/bands';
import { HEALTH_POINTS } from '../scoring/evaluate-structure';
import { isOpenPlan } from './action-plan-status';
import type {
  ReportActionPlan,
  ReportChart,
  ReportKpi,
  ReportModel,
  ReportMovement,
  ReportPerspective,
  ReportSection,
  ReportSource,
} from './model';
import { comparisonPeriodOf } from './periods';

// The board report model, built from evaluated scorecards (pure: the backend reads, this
// decides what the board sees). The rules a reader relies on are here:
// - the executive summary lists every off-track KPI, then every at-risk one, worst score first;
// - "what moved" lists KPIs whose status differs from the comparison period, where both periods
//   have a value (a KPI that simply has no data yet is not news);
// - a perspective filter applies by name to child scorecards too, so "Financial only" means
//   the Financial perspective of every scorecard in the report;
// - cancelled action plans are left out; open ones come first, soonest due date first.

const rank = (status: Status): number => (status === 'no_data' ? -1 : HEALTH_POINTS[status]);

function gapOf(kpi: EvaluatedKpi): number | null {
  const { value, target } = kpi.evaluation;
  if (value === null) return null;
  if (kpi.kpi.direction === 'within_range') {
    const { targetMin, targetMax } = kpi.kpi;
    if (targetMin === null || targetMax === null) return null;
    if (value < targetMin) return value - targetMin;
    if (value > targetMax) return value - targetMax;
    return 0;
  }
  return target === null ? null : value - target;
}

function comparisonIndex(evaluation: ScorecardEvaluation): Map<string, EvaluatedKpi> {
  const index = new Map<string, EvaluatedKpi>();
  for (const perspective of evaluation.perspectives)
    for (const objective of perspective.objectives)
      for (const kpi of objective.kpis) index.set(kpi.kpi.id, kpi);
  return index;
}

function chartOf(kpi: ReportKpi, source: ReportSource, evaluated: EvaluatedKpi): ReportChart {
  const points = (source.series[kpi.id] ?? []).map((point) => ({
    ...point,
    limits:
      kpi.direction === 'within_range'
        ? null
        : statusLimits(evaluated.kpi.thresholds, point.target),
  }));
  return {
    kpiId: kpi.id,
    name: kpi.name,
    unit: kpi.unit,
    decimals: kpi.decimals,
    direction: kpi.direction,
    points,
    range:
      kpi.direction === 'within_range'
        ? rangeLimits(evaluated.kpi.thresholds, kpi.targetMin, kpi.targetMax)
        : null,
    comment: kpi.comment,
  };
}

function planSubjects(sections: ReportSection[]): Map<string, { name: string; scorecard: string }> {
  const subjects = new Map<string, { name: string; scorecard: string }>();
  for (const section of sections)
    for (const perspective of section.perspectives)
      for (const objective of perspective.objectives) {
        subjects.set(objective.id, { name: objective.name, scorecard: section.name });
        for (const kpi of objective.kpis)
          subjects.set(kpi.id, { name: kpi.name, scorecard: section.name });
      }
  return subjects;
}

function reportPlans(
  plans: readonly ActionPlan[],
  sections: ReportSection[],
  today: string,
): ReportActionPlan[] {
  const subjects = planSubjects(sections);
  const result: ReportActionPlan[] = [];
  for (const plan of plans) {
    if (plan.status === 'cancelled') continue;
    const subject = subjects.get(plan.kpiId ?? plan.objectiveId ?? '');
    if (!subject) continue;
    const open = isOpenPlan(plan.status);
    result.push({
      ...plan,
      subject: subject.name,
      scorecardName: subject.scorecard,
      overdue: open && plan.dueDate !== null && plan.dueDate < today,
    });
  }
  const key = (plan: ReportActionPlan) =>
    `${isOpenPlan(plan.status) ? 0 : 1}${plan.dueDate ?? '9999-99-99'}${plan.subject}`;
  return result.sort((a, b) => key(a).localeCompare(key(b)));
}

export function buildReport(source: ReportSource): ReportModel {
  const { options } = source;
  const main = source.sections[0];
  if (!main) throw new Error('a report needs its scorecard');
  const wanted =
    options.perspectiveIds === null
      ? null
      : new Set(
          main.current.perspectives
            .filter((p) => options.perspectiveIds?.includes(p.perspective.id))
            .map((p) => p.perspective.name),
        );
  const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<
    Status,
    number
  >;
  const movements: ReportMovement[] = [];
  const allKpis: ReportKpi[] = [];

  const sections: ReportSection[] = source.sections.map(({ current, comparison, depth }) => {
    const before = comparisonIndex(comparison);
    const node = depth === 0 && options.includeChildren ? current.cascaded : current.own;
    const objectiveOf = (
      perspectiveName: string,
      objective: EvaluatedObjective,
      charts: ReportChart[],
    ) => ({
      id: objective.objective.id,
      name: objective.objective.name,
      status: objective.status,
      score: objective.score,
      kpis: objective.kpis.map((evaluated) => {
        const { kpi, evaluation } = evaluated;
        const then = before.get(kpi.id)?.evaluation;
        const row: ReportKpi = {
          id: kpi.id,
          name: kpi.name,
          owner: kpi.owner,
          unit: kpi.unit,
          decimals: kpi.decimals,
          direction: kpi.direction,
          scorecardName: current.scorecard.name,
          perspectiveName,
          objectiveName: objective.objective.name,
          value: evaluation.value,
          target: evaluation.target,
          targetMin: kpi.targetMin,
          targetMax: kpi.targetMax,
          gap: gapOf(evaluated),
          status: evaluation.status,
          score: evaluation.score,
          trend: evaluation.trend,
          improved: evaluation.improved,
          comparisonValue: then?.value ?? null,
          comparisonStatus: then?.status ?? 'no_data',
          comment: options.includeComments ? (source.comments[kpi.id] ?? '') : '',
        };
        counts[row.status] += 1;
        allKpis.push(row);
        if (
          row.status !== 'no_data' &&
          row.comparisonStatus !== 'no_data' &&
          row.status !== row.comparisonStatus
        )
          movements.push({
            kpiId: row.id,
            name: row.name,
            scorecardName: row.scorecardName,
            from: row.comparisonStatus,
            to: row.status,
            better: rank(row.status) > rank(row.comparisonStatus),
          });
        const hasSeries = (source.series[kpi.id] ?? []).some((point) => point.value !== null);
        if (options.includeKpiPages && hasSeries) charts.push(chartOf(row, source, evaluated));
        return row;
      }),
    });
    const perspectives: ReportPerspective[] = current.perspectives
      .filter((p) => wanted === null || wanted.has(p.perspective.name))
      .map((p) => {
        const charts: ReportChart[] = [];
        return {
          id: p.perspective.id,
          name: p.perspective.name,
          status: p.status,
          score: p.score,
          objectives: p.objectives.map((o) => objectiveOf(p.perspective.name, o, charts)),
          charts,
        };
      });
    return {
      scorecardId: current.scorecard.id,
      name: current.scorecard.name,
      depth,
      status: node.status,
      score: node.score,
      perspectives,
    };
  });

  const comparisonNode = options.includeChildren ? main.comparison.cascaded : main.comparison.own;
  const overallNode = options.includeChildren ? main.current.cascaded : main.current.own;
  const attention = allKpis
    .filter((kpi) => kpi.status === 'off_track' || kpi.status === 'at_risk')
    .sort((a, b) => rank(a.status) - rank(b.status) || (a.score ?? 0) - (b.score ?? 0));
  movements.sort((a, b) => Number(a.better) - Number(b.better));
  return {
    options: { ...options, scorecardId: main.current.scorecard.id, period: main.current.period },
    view: main.current.view,
    period: main.current.period,
    comparisonPeriod: comparisonPeriodOf(
      main.current.period,
      options.comparison,
      main.current.view,
    ),
    generatedAt: source.generatedAt,
    scorecardName: main.current.scorecard.name,
    availablePeriods: main.current.availablePeriods,
    perspectiveChoices: main.current.perspectives.map((p) => ({
      id: p.perspective.id,
      name: p.perspective.name,
    })),
    hasData: allKpis.some((kpi) => kpi.value !== null),
    overall: {
      status: overallNode.status,
      score: overallNode.score,
      comparisonStatus: comparisonNode.status,
      comparisonScore: comparisonNode.score,
    },
    counts,
    movements,
    attention,
    sections,
    actionPlans: options.includeActionPlans
      ? reportPlans(source.actionPlans, sections, source.generatedAt.slice(0, 10))
      : [],
  };
}
