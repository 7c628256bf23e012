import { ApiError } from '@shared/api/errors';
import type { Kpi } from '@shared/domain/entities';
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
import {
  defaultPeriod,
  periodCompleteness,
  type ReportingKpi,
} from '@shared/scoring/default-period';
import { periodsByKpi, readEvaluationInputs, readStructure } from '../store/evaluation-inputs';
import { createDataStateMemo, memoByDataState } from '../store/data-state';
import type { Db } from '../workspace/connection';
import { getScorecard } from '../store/records';
import { readMeta } from '../workspace/workspace';

// The scoring engine (shared/scoring) applied to a workspace file.

const MAX_PERIODS = 120;

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

/** The KPIs whose values are entered: not calculated, not rolled up from children. */
function enteredKpis(kpis: readonly Kpi[], all: readonly Kpi[]): Kpi[] {
  const parents = new Set(all.map((kpi) => kpi.parentKpiId));
  return kpis.filter(
    (kpi) => kpi.formula === null && !(kpi.rollup !== 'manual' && parents.has(kpi.id)),
  );
}

/** The entered KPIs with their periods: what the default period and completeness count. */
export function reportingKpis(db: Db, kpis: readonly Kpi[], all: readonly Kpi[]): ReportingKpi[] {
  const entered = enteredKpis(kpis, all);
  const periods = periodsByKpi(
    db,
    entered.map((kpi) => kpi.id),
  );
  return entered.map((kpi) => ({ frequency: kpi.frequency, periods: periods.get(kpi.id) ?? [] }));
}

export interface PeriodFacts {
  /** View periods with any value of the scorecard's KPIs, newest first. */
  availablePeriods: string[];
  completeness: ScorecardEvaluation['completeness'];
  /** The KPIs whose values are entered, with their periods (what the default period counts). */
  reporting: ReportingKpi[];
}

/**
 * The view periods of a scorecard's KPIs with data, and how complete each is: the part of an
 * evaluation that reads every value's period, whatever period is shown. `kpis`: the
 * scorecard's own; `all`: every KPI of the workspace (parents may sit elsewhere).
 */
export function periodFacts(
  db: Db,
  kpis: readonly Kpi[],
  all: readonly Kpi[],
  view: ViewSpec,
): PeriodFacts {
  const periods = periodsByKpi(
    db,
    kpis.map((kpi) => kpi.id),
  );
  const buckets = new Set<string>();
  const bucketCache = new Map<string, string | null>();
  for (const kpi of kpis)
    for (const period of periods.get(kpi.id) ?? []) {
      const key = `${kpi.frequency}|${period}`;
      let bucket = bucketCache.get(key);
      if (bucket === undefined) {
        bucket = bucketOf(kpi.frequency, period, view);
        bucketCache.set(key, bucket);
      }
      if (bucket !== null) buckets.add(bucket);
    }
  // Buckets of one view sort by time as strings (FY keys among themselves, calendar likewise).
  const availablePeriods = [...buckets].sort().reverse().slice(0, MAX_PERIODS);
  const reporting = enteredKpis(kpis, all).map((kpi) => ({
    frequency: kpi.frequency,
    periods: periods.get(kpi.id) ?? [],
  }));
  const counts = periodCompleteness(reporting, view);
  return {
    availablePeriods,
    completeness: availablePeriods.map((bucket) => ({
      period: bucket,
      ...(counts.get(bucket) ?? { reported: 0, expected: 0 }),
    })),
    reporting,
  };
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

/** What an evaluation is kept by. `now` counts only by its day: it picks the default period
 * (the latest with data by today). */
function evaluationKey(now: string, input: EvaluateInput): string {
  return JSON.stringify([
    input.id,
    input.view.frequency,
    input.view.basis,
    input.period ?? null,
    input.sparklineLength,
    now.slice(0, 10),
  ]);
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
  return db.transaction(() =>
    memoEvaluation(db, evaluationKey(now, input), keep, () => {
      const evaluation = computeEvaluation(db, now, input, keep);
      return keep ? deepFreeze(evaluation) : evaluation;
    }),
  )();
}

/**
 * A scorecard evaluated for a view period as the scorecard view shows it (scorecard.evaluate):
 * what its rows show of each KPI, not the whole record (see RowKpi).
 */
export function evaluateScorecardRows(db: Db, now: string, input: EvaluateInput): ScorecardRows {
  const keep = !db.inTransaction;
  return db.transaction(() =>
    memoRows(db, evaluationKey(now, input), keep, () => {
      const evaluation = evaluateScorecard(db, now, input);
      const rows = scorecardRows(
        evaluation,
        sparklineBuckets({
          view: evaluation.view,
          bucket: evaluation.period,
          sparklineLength: input.sparklineLength,
        }),
      );
      return keep ? deepFreeze(rows) : rows;
    }),
  )();
}

function computeEvaluation(
  db: Db,
  now: string,
  input: EvaluateInput,
  keep: boolean,
): ScorecardEvaluation {
  const scorecard = getScorecard(db, input.id, 'id');
  const view = viewSpec(db, input.view);
  if (input.period !== undefined) checkBucket(input.period, view);
  const structure = readStructure(db);
  const perspectives = structure.perspectives.filter((p) => p.scorecardId === scorecard.id);
  const perspectiveIds = new Set(perspectives.map((p) => p.id));
  const objectives = structure.objectives.filter((o) => perspectiveIds.has(o.perspectiveId));
  const objectiveIds = new Set(objectives.map((o) => o.id));
  const ownKpis = structure.kpis.filter((kpi) => objectiveIds.has(kpi.objectiveId));
  // The same for every period shown and for the dashboard's evaluation of this view: read
  // once until the data changes (choosing another period, opening the dashboard).
  const today = now.slice(0, 10);
  const facts = memoByDataState(db, JSON.stringify(['periods', scorecard.id, view]), keep, () =>
    periodFacts(db, ownKpis, structure.kpis, view),
  );
  // Copies: a caller changing its answer must not change the kept one.
  const availablePeriods = [...facts.availablePeriods];
  const completeness = facts.completeness.map((count) => ({ ...count }));
  const period =
    input.period ??
    memoByDataState(db, JSON.stringify(['default', scorecard.id, view, today]), keep, () =>
      defaultPeriod(facts.reporting, view, today),
    );

  const options = { view, bucket: period, sparklineLength: input.sparklineLength };
  const inputs = readEvaluationInputs(db, valueWindows(options), structure);
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
