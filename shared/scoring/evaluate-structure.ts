import type { Status } from '../domain/kpi';
import type { KpiEvaluation } from './evaluate-kpis';
import { rollUp, type RollUp } from './score';

// Scores of objectives, perspectives and scorecards: weighted roll-ups of what is below them.

/**
 * Statuses of roll-ups come from their scores, on the same scale as a KPI's default
 * thresholds: 100 and above is on track, 90 up to 100 at risk, below 90 off track.
 */
export const ROLLUP_ON_TRACK = 100;
export const ROLLUP_AT_RISK = 90;

export function rollUpStatus(score: number | null): Status {
  if (score === null) return 'no_data';
  if (score >= ROLLUP_ON_TRACK) return 'on_track';
  if (score >= ROLLUP_AT_RISK) return 'at_risk';
  return 'off_track';
}

export interface StructureKpi {
  id: string;
  objectiveId: string;
  parentKpiId: string | null;
  weight: number;
}
export interface StructureObjective {
  id: string;
  perspectiveId: string;
  weight: number;
}
export interface StructurePerspective {
  id: string;
  scorecardId: string;
  weight: number;
}
export interface StructureScorecard {
  id: string;
  parentId: string | null;
}

export interface ScoredNode extends RollUp {
  status: Status;
}

export interface StructureScores {
  objectives: Map<string, ScoredNode>;
  perspectives: Map<string, ScoredNode>;
  /** A scorecard's own score, from its perspectives. */
  scorecards: Map<string, ScoredNode>;
  /** A scorecard with its child scorecards rolled in (each child counting as one item). */
  cascaded: Map<string, ScoredNode>;
}

function scored(result: RollUp): ScoredNode {
  return { ...result, status: rollUpStatus(result.score) };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export function evaluateStructure(input: {
  kpis: readonly StructureKpi[];
  objectives: readonly StructureObjective[];
  perspectives: readonly StructurePerspective[];
  scorecards: readonly StructureScorecard[];
  evaluations: ReadonlyMap<string, KpiEvaluation>;
}): StructureScores {
  const objectiveOf = new Map(input.kpis.map((kpi) => [kpi.id, kpi.objectiveId]));
  // A child KPI in the same objective as its parent is already counted through the parent.
  const counted = input.kpis.filter(
    (kpi) => kpi.parentKpiId === null || objectiveOf.get(kpi.parentKpiId) !== kpi.objectiveId,
  );
  const kpisByObjective = groupBy(counted, (kpi) => kpi.objectiveId);
  const objectives = new Map<string, ScoredNode>();
  for (const objective of input.objectives) {
    const items = (kpisByObjective.get(objective.id) ?? []).map((kpi) => ({
      score: input.evaluations.get(kpi.id)?.score ?? null,
      weight: kpi.weight,
    }));
    objectives.set(objective.id, scored(rollUp(items)));
  }

  const objectivesByPerspective = groupBy(input.objectives, (objective) => objective.perspectiveId);
  const perspectives = new Map<string, ScoredNode>();
  for (const perspective of input.perspectives) {
    const items = (objectivesByPerspective.get(perspective.id) ?? []).map((objective) => ({
      score: objectives.get(objective.id)?.score ?? null,
      weight: objective.weight,
    }));
    perspectives.set(perspective.id, scored(rollUp(items)));
  }

  const perspectivesByScorecard = groupBy(
    input.perspectives,
    (perspective) => perspective.scorecardId,
  );
  const scorecards = new Map<string, ScoredNode>();
  for (const scorecard of input.scorecards) {
    const items = (perspectivesByScorecard.get(scorecard.id) ?? []).map((perspective) => ({
      score: perspectives.get(perspective.id)?.score ?? null,
      weight: perspective.weight,
    }));
    scorecards.set(scorecard.id, scored(rollUp(items)));
  }

  const childScorecards = groupBy(
    input.scorecards.filter((scorecard) => scorecard.parentId !== null),
    (scorecard) => scorecard.parentId as string,
  );
  const cascaded = new Map<string, ScoredNode>();
  const visiting = new Set<string>();
  const cascade = (id: string): ScoredNode => {
    const done = cascaded.get(id);
    if (done) return done;
    if (visiting.has(id)) return scored({ score: null, noData: 1, total: 1 });
    visiting.add(id);
    const own = scorecards.get(id) ?? scored({ score: null, noData: 0, total: 0 });
    const kids = (childScorecards.get(id) ?? []).map((child) => cascade(child.id));
    const result =
      kids.length === 0
        ? own
        : scored(rollUp([own, ...kids].map((node) => ({ score: node.score, weight: 1 }))));
    visiting.delete(id);
    cascaded.set(id, result);
    return result;
  };
  for (const scorecard of input.scorecards) cascade(scorecard.id);
  return { objectives, perspectives, scorecards, cascaded };
}
