import type { Status } from '../domain/kpi';
import type { KpiEvaluation } from './evaluate-kpis';
import { rollUp, type RollUp } from './score';

// Scores of objectives, perspectives and scorecards: weighted roll-ups of what is below them.

/**
 * One rule gives an objective, perspective or scorecard both its score and its status (and
 * the screen's help says it): each item below counts 100 points on track, 50 at risk, 0 off
 * track, weighted; items without data are left out. That weighted average is the score, 0–100,
 * and the status follows from it: 80 or more on track, 40 or more at risk, less off track. So
 * one KPI's objective always shows that KPI's own status, one off-track KPI among many healthy
 * ones shows as at risk rather than disappearing into an average, and a score never reads
 * "102" beside "At risk" (a KPI's own score, percent of target, is for the KPI alone: 95 % of
 * target may be on track under that KPI's thresholds).
 */
export const HEALTH_POINTS: Record<Exclude<Status, 'no_data'>, number> = {
  on_track: 100,
  at_risk: 50,
  off_track: 0,
};
export const ROLLUP_ON_TRACK = 80;
export const ROLLUP_AT_RISK = 40;

export function rollUpStatus(health: number | null): Status {
  if (health === null) return 'no_data';
  if (health >= ROLLUP_ON_TRACK) return 'on_track';
  if (health >= ROLLUP_AT_RISK) return 'at_risk';
  return 'off_track';
}

function healthOf(status: Status | undefined): number | null {
  return status === undefined || status === 'no_data' ? null : HEALTH_POINTS[status];
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
  /** Weighted health of the statuses below, 0–100 (see rollUpStatus); the same as `score`. */
  health: number | null;
}

export interface StructureScores {
  objectives: Map<string, ScoredNode>;
  perspectives: Map<string, ScoredNode>;
  /** A scorecard's own score, from its perspectives. */
  scorecards: Map<string, ScoredNode>;
  /** A scorecard with its child scorecards rolled in (each child counting as one item). */
  cascaded: Map<string, ScoredNode>;
}

interface Item {
  score: number | null;
  health: number | null;
  weight: number;
}

function combine(items: readonly Item[]): ScoredNode {
  const counts = rollUp(items.map((item) => ({ score: item.health, weight: item.weight })));
  return { ...counts, health: counts.score, status: rollUpStatus(counts.score) };
}

const NOTHING: ScoredNode = { score: null, noData: 0, total: 0, health: null, status: 'no_data' };

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
    const items = (kpisByObjective.get(objective.id) ?? []).map((kpi) => {
      const evaluation = input.evaluations.get(kpi.id);
      return {
        score: evaluation?.score ?? null,
        health: healthOf(evaluation?.status),
        weight: kpi.weight,
      };
    });
    objectives.set(objective.id, combine(items));
  }

  const objectivesByPerspective = groupBy(input.objectives, (objective) => objective.perspectiveId);
  const perspectives = new Map<string, ScoredNode>();
  for (const perspective of input.perspectives) {
    const items = (objectivesByPerspective.get(perspective.id) ?? []).map((objective) => ({
      ...(objectives.get(objective.id) ?? NOTHING),
      weight: objective.weight,
    }));
    perspectives.set(perspective.id, combine(items));
  }

  const perspectivesByScorecard = groupBy(
    input.perspectives,
    (perspective) => perspective.scorecardId,
  );
  const scorecards = new Map<string, ScoredNode>();
  for (const scorecard of input.scorecards) {
    const items = (perspectivesByScorecard.get(scorecard.id) ?? []).map((perspective) => ({
      ...(perspectives.get(perspective.id) ?? NOTHING),
      weight: perspective.weight,
    }));
    scorecards.set(scorecard.id, combine(items));
  }

  const childScorecards = groupBy(
    input.scorecards.filter((scorecard) => scorecard.parentId !== null),
    (scorecard) => scorecard.parentId as string,
  );
  // Children before parents, with an explicit stack: a chain of any depth (a file written by
  // another program) cannot exhaust the call stack. A loop leaves its back edge out.
  const cascaded = new Map<string, ScoredNode>();
  const visiting = new Set<string>();
  for (const scorecard of input.scorecards) {
    const stack = [scorecard.id];
    while (stack.length > 0) {
      const id = stack[stack.length - 1] as string;
      if (cascaded.has(id)) {
        stack.pop();
        continue;
      }
      const children = childScorecards.get(id) ?? [];
      if (!visiting.has(id)) {
        visiting.add(id);
        for (const child of children)
          if (!cascaded.has(child.id) && !visiting.has(child.id)) stack.push(child.id);
        continue;
      }
      const own = scorecards.get(id) ?? NOTHING;
      const kids = children.flatMap((child) => {
        const node = cascaded.get(child.id);
        return node ? [node] : [];
      });
      cascaded.set(
        id,
        kids.length === 0 ? own : combine([own, ...kids].map((node) => ({ ...node, weight: 1 }))),
      );
      visiting.delete(id);
      stack.pop();
    }
  }
  return { objectives, perspectives, scorecards, cascaded };
}
