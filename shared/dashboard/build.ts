import type { ActionPlan, Kpi } from '../domain/entities';
import type { EvaluatedKpi, ScorecardEvaluation } from '../domain/evaluation';
import { STATUSES, type Status } from '../domain/kpi';
import type { KpiEvaluation } from '../scoring/evaluate-kpis';
import {
  ACTION_PLANS_AHEAD_DAYS,
  MOVERS_LISTED,
  type DashboardActionPlan,
  type DashboardKpi,
  type DashboardMover,
} from './types';

// The dashboard's pure parts, from a scorecard already evaluated (statuses are never computed
// a second way here): counts, what is off track or at risk, and the biggest movers.

export interface PlacedKpi extends EvaluatedKpi {
  objectiveName: string;
  perspectiveName: string;
}

/** Every KPI of the scorecard with the names of its objective and perspective. */
export function placedKpis(evaluation: ScorecardEvaluation): PlacedKpi[] {
  return evaluation.perspectives.flatMap((perspective) =>
    perspective.objectives.flatMap((objective) =>
      objective.kpis.map((entry) => ({
        ...entry,
        objectiveName: objective.objective.name,
        perspectiveName: perspective.perspective.name,
      })),
    ),
  );
}

export function statusCounts(kpis: readonly EvaluatedKpi[]): Record<Status, number> {
  const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<
    Status,
    number
  >;
  for (const { evaluation } of kpis) counts[evaluation.status] += 1;
  return counts;
}

/** Signed distance from the target, or from the nearer end of a within-range KPI's range. */
export function gapOf(kpi: Kpi, evaluation: KpiEvaluation): number | null {
  const { value } = evaluation;
  if (value === null) return null;
  if (kpi.direction === 'within_range' && evaluation.target === null) {
    if (kpi.targetMin !== null && value < kpi.targetMin) return value - kpi.targetMin;
    if (kpi.targetMax !== null && value > kpi.targetMax) return value - kpi.targetMax;
    return kpi.targetMin !== null || kpi.targetMax !== null ? 0 : null;
  }
  return evaluation.target === null ? null : value - evaluation.target;
}

/** How far off, relative to the target, for ordering: the worst first. */
function shortfall(gap: number | null, target: number | null): number {
  if (gap === null) return 0;
  const base = target === null || target === 0 ? 1 : Math.abs(target);
  return Math.abs(gap) / base;
}

const ATTENTION: readonly Status[] = ['off_track', 'at_risk'];

/**
 * The off-track and at-risk KPIs, off track first, each group furthest from its target first;
 * the first `count` of them. Ordered before each row is made, so only the rows listed read
 * their comment.
 */
export function attentionList(
  kpis: readonly PlacedKpi[],
  commentOf: (kpi: Kpi, evaluation: KpiEvaluation) => string,
  count = Number.POSITIVE_INFINITY,
): DashboardKpi[] {
  const rank = (status: Status) => ATTENTION.indexOf(status);
  return kpis
    .filter((entry) => ATTENTION.includes(entry.evaluation.status))
    .map((entry) => ({ entry, gap: gapOf(entry.kpi, entry.evaluation) }))
    .sort(
      (a, b) =>
        rank(a.entry.evaluation.status) - rank(b.entry.evaluation.status) ||
        shortfall(b.gap, b.entry.evaluation.target) - shortfall(a.gap, a.entry.evaluation.target),
    )
    .slice(0, count)
    .map(({ entry: { kpi, evaluation, objectiveName, perspectiveName }, gap }) => ({
      kpiId: kpi.id,
      name: kpi.name,
      unit: kpi.unit,
      decimals: kpi.decimals,
      direction: kpi.direction,
      frequency: kpi.frequency,
      owner: kpi.owner,
      objectiveName,
      perspectiveName,
      status: evaluation.status,
      value: evaluation.value,
      target: evaluation.target,
      targetMin: kpi.targetMin,
      targetMax: kpi.targetMax,
      gap,
      period: evaluation.period,
      comment: commentOf(kpi, evaluation),
    }));
}

/** KPIs with a value now and in the previous period, the largest relative move first. */
export function biggestMovers(
  kpis: readonly EvaluatedKpi[],
  count = MOVERS_LISTED,
): DashboardMover[] {
  const movers: DashboardMover[] = [];
  for (const { kpi, evaluation } of kpis) {
    const { value, previousValue } = evaluation;
    if (value === null || previousValue === null || value === previousValue) continue;
    const change = value - previousValue;
    movers.push({
      kpiId: kpi.id,
      name: kpi.name,
      unit: kpi.unit,
      decimals: kpi.decimals,
      value,
      previousValue,
      change,
      relativeChange: previousValue === 0 ? null : change / Math.abs(previousValue),
      improved: evaluation.improved,
    });
  }
  // A move from 0 has no relative size; it counts as the largest (a KPI that started moving).
  const size = (m: DashboardMover) =>
    m.relativeChange === null ? Number.POSITIVE_INFINITY : Math.abs(m.relativeChange);
  return movers.sort((a, b) => size(b) - size(a)).slice(0, count);
}

const DAY_MS = 86_400_000;

/** Open plans (not done or cancelled) due by `today` + the look-ahead, soonest first. */
export function dueActionPlans(
  plans: readonly ActionPlan[],
  today: string,
  nameOf: (plan: ActionPlan) => string | null,
): DashboardActionPlan[] {
  const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + ACTION_PLANS_AHEAD_DAYS * DAY_MS)
    .toISOString()
    .slice(0, 10);
  const due: DashboardActionPlan[] = [];
  for (const plan of plans) {
    if (plan.status === 'done' || plan.status === 'cancelled' || plan.dueDate === null) continue;
    if (plan.dueDate > horizon) continue;
    const subjectName = nameOf(plan);
    if (subjectName === null) continue;
    due.push({ plan, subjectName, overdue: plan.dueDate < today });
  }
  // ISO days sort as text; the sort is stable, so plans due the same day keep their order.
  return due.sort((a, b) => {
    const [x, y] = [a.plan.dueDate ?? '', b.plan.dueDate ?? ''];
    return x < y ? -1 : x > y ? 1 : 0;
  });
}
