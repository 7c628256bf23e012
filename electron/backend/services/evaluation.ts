import { ApiError } from '@shared/api/errors';
import type { Kpi, Objective, Perspective } from '@shared/domain/entities';
import {
  scorecardRows,
  type EvaluatedPerspective,
  type KpiTree,
  type ScorecardEvaluation,
  type ScorecardRows,
} from '@shared/domain/evaluation';
import { bucketOfDay } from '@shared/scoring/buckets';
import { bucketOf, monthsOfBucket, type ViewSpec } from '@shared/scoring/calendar';
import {
  evaluateKpis,
  sparklineBuckets,
  valueWindows,
  type KpiEvaluation,
} from '@shared/scoring/evaluate-kpis';
import { evaluateStructure, type ScoredNode } from '@shared/scoring/evaluate-structure';
import { defaultPeriodOf } from '@shared/scoring/default-period';
import {
  readEvaluationInputs,
  readPeriods,
  readStructure,
  type KpiPeriods,
  type Structure,
} from '../store/evaluation-inputs';
import { createDataStateMemo } from '../store/data-state';
import type { Db } from '../workspace/connection';
import { getScorecard } from '../store/records';
import { readMeta } from '../workspace/workspace';
import { periodFacts, type PeriodFacts } from './period-facts';

// The scoring engine (shared/scoring) applied to a workspace file.

export interface ViewInput {
  frequency: ViewSpec['frequency'];
  basis: ViewSpec['basis'];
}

export function viewSpec(db: Db, view: ViewInput): ViewSpec {
  const { fiscalYearStartMonth } = readMeta(db);
  return { ...view, fiscalYearStartMonth };
}

/** Refuses a period key that is not a period of the view ("2026-Q1" in a monthly view). */
export function checkBucket(bucket: string, view: ViewSpec): void {
  const months = monthsOfBucket(bucket, view);
  const first = months[0];
  if (first === undefined || bucketOf('monthly', first, view) !== bucket) {
    const example = {
      month: '2026-03',
      quarter: view.basis === 'fiscal' ? 'FY2027-Q1' : '2026-Q1',
      year: view.basis === 'fiscal' ? 'FY2027' : '2026',
    }[view.frequency];
    throw new ApiError({
      code: 'VALIDATION',
      field: 'period',
      message: `Period: "${bucket}" is not a ${view.basis} ${view.frequency} (write it like ${example})`,
    });
  }
}

/** The view period that holds `now` (an ISO time). */
export function todaysBucket(now: string, view: ViewSpec): string {
  return bucketOfDay(now.slice(0, 10), view);
}

export interface EvaluateInput {
  id: string;
  view: ViewInput;
  period?: string | undefined;
  sparklineLength: number;
}

/** Whole evaluations kept per workspace: a few, as one of 5,000 KPIs holds megabytes. */
const memoEvaluation = createDataStateMemo(4);
/** The scorecard view's rows of them, kept alike. */
const memoRows = createDataStateMemo(4);
/** What a scorecard's evaluations of one view share, whatever period they show (Frame). */
const memoFrame = createDataStateMemo(4);

/**
 * What every evaluation of one scorecard in one view reads before its period's values: the
 * scorecard, its perspectives, objectives and KPIs, the periods with data and the default
 * period. Kept per data state like the evaluations, so a period named by the caller ("the
 * period shown", as the dashboard asks) finds the evaluation kept for "the default period".
 */
interface Frame {
  scorecard: ScorecardEvaluation['scorecard'];
  view: ViewSpec;
  structure: Structure;
  perspectives: Perspective[];
  objectives: Objective[];
  ownKpis: Kpi[];
  /** Every KPI's periods with a value: the facts count them, evaluations pair values with them. */
  periods: KpiPeriods;
  facts: PeriodFacts;
  /** Computed when first asked for: a caller naming its period does not need it. */
  defaultPeriod: () => string;
}

/** `now` counts only by its day: it picks the default period (the latest with data by today). */
function scorecardFrame(db: Db, now: string, input: EvaluateInput, keep: boolean): Frame {
  const today = now.slice(0, 10);
  const key = JSON.stringify([input.id, input.view.frequency, input.view.basis, today]);
  return memoFrame(db, key, keep, () => {
    const scorecard = getScorecard(db, input.id, 'id');
    const view = viewSpec(db, input.view);
    const structure = readStructure(db);
    const perspectives = structure.perspectives.filter((p) => p.scorecardId === scorecard.id);
    const perspectiveIds = new Set(perspectives.map((p) => p.id));
    const objectives = structure.objectives.filter((o) => perspectiveIds.has(o.perspectiveId));
    const objectiveIds = new Set(objectives.map((o) => o.id));
    const ownKpis = structure.kpis.filter((kpi) => objectiveIds.has(kpi.objectiveId));
    const periods = readPeriods(db);
    const facts = periodFacts(periods.byKpi, ownKpis, structure.kpis, view);
    let period: string | null = null;
    return {
      scorecard,
      view,
      structure,
      perspectives,
      objectives,
      ownKpis,
      periods,
      facts,
      defaultPeriod: () => (period ??= defaultPeriodOf(facts.counted, view, today)),
    };
  });
}

/** What an evaluation is kept by: the period it shows, named or the default one. */
function evaluationKey(now: string, input: EvaluateInput, period: string): string {
  return JSON.stringify([
    input.id,
    input.view.frequency,
    input.view.basis,
    period,
    input.sparklineLength,
    now.slice(0, 10),
  ]);
}

/** The frame and the period shown; a named period is checked against the view. */
function framed(
  db: Db,
  now: string,
  input: EvaluateInput,
  keep: boolean,
): { frame: Frame; period: string } {
  const frame = scorecardFrame(db, now, input, keep);
  if (input.period !== undefined) checkBucket(input.period, frame.view);
  return { frame, period: input.period ?? frame.defaultPeriod() };
}

/** Makes a kept answer read-only to the bottom: a caller changing it would change it for all. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * A scorecard evaluated for a view period. The same evaluation is answered again, not
 * recomputed, while the workspace's data is unchanged (any write moves its data state, see
 * store/data-state.ts): the scorecard page reloaded, the view shown again after another tab, the
 * report of the period on screen. A kept evaluation is frozen, so no caller can change it.
 */
export function evaluateScorecard(db: Db, now: string, input: EvaluateInput): ScorecardEvaluation {
  // Inside a caller's transaction uncommitted writes may be seen: reuse, but keep nothing.
  const keep = !db.inTransaction;
  return db.transaction(() => keptEvaluation(db, now, input, keep))();
}

/**
 * evaluateScorecard inside a caller's transaction that only reads (the dashboard's): `keep` is
 * decided where that transaction began (`!db.inTransaction`), so its evaluation is kept too.
 */
export function keptEvaluation(
  db: Db,
  now: string,
  input: EvaluateInput,
  keep: boolean,
): ScorecardEvaluation {
  const { frame, period } = framed(db, now, input, keep);
  return memoEvaluation(db, evaluationKey(now, input, period), keep, () => {
    const evaluation = computeEvaluation(db, frame, period, input.sparklineLength);
    return keep ? deepFreeze(evaluation) : evaluation;
  });
}

/**
 * A scorecard evaluated for a view period as the scorecard view shows it (scorecard.evaluate):
 * what its rows show of each KPI, not the whole record (see RowKpi). The whole evaluation is
 * kept too: the dashboard, report and strategy map of the period on screen read it.
 */
export function evaluateScorecardRows(db: Db, now: string, input: EvaluateInput): ScorecardRows {
  const keep = !db.inTransaction;
  return db.transaction(() => {
    const { period } = framed(db, now, input, keep);
    return memoRows(db, evaluationKey(now, input, period), keep, () => {
      const evaluation = keptEvaluation(db, now, { ...input, period }, keep);
      const rows = scorecardRows(
        evaluation,
        sparklineBuckets({
          view: evaluation.view,
          bucket: evaluation.period,
          sparklineLength: input.sparklineLength,
        }),
      );
      return keep ? deepFreeze(rows) : rows;
    });
  })();
}

function computeEvaluation(
  db: Db,
  frame: Frame,
  period: string,
  sparklineLength: number,
): ScorecardEvaluation {
  const { scorecard, view, structure, perspectives, objectives, ownKpis, periods, facts } = frame;
  // Copies: the frame's lists stay as they are whatever a caller does with its answer.
  const availablePeriods = [...facts.availablePeriods];
  const completeness = facts.completeness.map((count) => ({ ...count }));

  const options = { view, bucket: period, sparklineLength };
  const inputs = readEvaluationInputs(db, valueWindows(options), structure, periods);
  const evaluations = evaluateKpis(inputs.kpis, inputs.values, {
    ...options,
    ...(inputs.latestPeriods ? { latestPeriods: inputs.latestPeriods } : {}),
  });
  const scores = evaluateStructure({
    kpis: inputs.kpis,
    objectives: inputs.objectives,
    perspectives: inputs.perspectives,
    scorecards: inputs.scorecards,
    evaluations,
  });
  const empty: ScoredNode = { score: null, noData: 0, total: 0, health: null, status: 'no_data' };
  const node = (map: Map<string, ScoredNode>, id: string) => map.get(id) ?? empty;
  const evaluated: EvaluatedPerspective[] = perspectives.map((perspective) => ({
    perspective,
    ...node(scores.perspectives, perspective.id),
    objectives: objectives
      .filter((objective) => objective.perspectiveId === perspective.id)
      .map((objective) => ({
        objective,
        ...node(scores.objectives, objective.id),
        kpis: ownKpis
          .filter((kpi) => kpi.objectiveId === objective.id)
          .map((kpi) => ({ kpi, evaluation: evaluations.get(kpi.id) as KpiEvaluation })),
      })),
  }));
  return {
    scorecard,
    view,
    period,
    availablePeriods,
    completeness,
    own: node(scores.scorecards, scorecard.id),
    cascaded: node(scores.cascaded, scorecard.id),
    perspectives: evaluated,
    childScorecards: inputs.scorecards
      .filter((child) => child.parentId === scorecard.id)
      .map((child) => ({ scorecard: child, ...node(scores.cascaded, child.id) })),
  };
}

export function kpiTree(db: Db, input: { view: ViewInput; period: string }): KpiTree {
  return db.transaction(() => {
    const view = viewSpec(db, input.view);
    checkBucket(input.period, view);
    const inputs = readEvaluationInputs(db);
    const evaluations = evaluateKpis(inputs.kpis, inputs.values, {
      view,
      bucket: input.period,
      sparklineLength: 2,
    });
    const scorecardOf = new Map(
      inputs.perspectives.map((p) => [
        p.id,
        inputs.scorecards.find((s) => s.id === p.scorecardId)?.name ?? '',
      ]),
    );
    const perspectiveOf = new Map(inputs.objectives.map((o) => [o.id, o.perspectiveId]));
    return {
      view,
      period: input.period,
      nodes: inputs.kpis.map((kpi) => ({
        kpi,
        evaluation: evaluations.get(kpi.id) as KpiEvaluation,
        scorecardName: scorecardOf.get(perspectiveOf.get(kpi.objectiveId) ?? '') ?? '',
      })),
    };
  })();
}
