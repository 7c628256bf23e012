import type { Kpi, Objective, Perspective, Scorecard } from './entities';
import type { Status } from './kpi';
import type { ViewSpec } from '../scoring/calendar';
import type { KpiEvaluation } from '../scoring/evaluate-kpis';
import type { ScoredNode } from '../scoring/evaluate-structure';

// What the scoring views receive: a scorecard evaluated for one view period, and one KPI's
// detail. Period keys are view buckets (`2026-03`, `2026-Q1`, `FY2027-Q1`, `2026`, `FY2027`);
// the renderer labels them in the user's locale.

/**
 * The scorecard view's sparkline: points a scorecard.evaluate gives unless asked otherwise.
 * Views that show no sparkline (the dashboard) evaluate with it too, to reuse the evaluation
 * the scorecard view keeps: the length changes nothing but the sparkline.
 */
export const SPARKLINE_POINTS = 12;

export interface EvaluatedKpi {
  kpi: Kpi;
  evaluation: KpiEvaluation;
}

export interface EvaluatedObjective extends ScoredNode {
  objective: Objective;
  kpis: EvaluatedKpi[];
}

export interface EvaluatedPerspective extends ScoredNode {
  perspective: Perspective;
  objectives: EvaluatedObjective[];
}

export interface ScorecardEvaluation {
  scorecard: Scorecard;
  view: ViewSpec;
  /** The view period evaluated. */
  period: string;
  /** View periods in which any KPI of the scorecard has a value, newest first. */
  availablePeriods: string[];
  /**
   * For each of availablePeriods: how many of the KPIs whose values are entered have one
   * there, of how many are due there ("Nov 2026 — 1 of 20 values").
   */
  completeness: { period: string; reported: number; expected: number }[];
  /** From this scorecard's perspectives. */
  own: ScoredNode;
  /** With child scorecards rolled in. */
  cascaded: ScoredNode;
  perspectives: EvaluatedPerspective[];
  childScorecards: (ScoredNode & { scorecard: Scorecard })[];
}

/**
 * What the scorecard view's rows show of a KPI, and what the views find it by (its code, and
 * its parent, formula and roll-up for the data grid); its objective is the one it is listed in. The whole record is read where a KPI
 * is edited or shown in depth (kpi.get, kpi.detail): carrying it in every row made the
 * response about 1.2 KB a KPI (6 MB for 5,000), which the backend wrote and the page parsed on
 * every load (issue 19).
 */
export const ROW_KPI_FIELDS = [
  'id',
  'parentKpiId',
  'name',
  'code',
  'unit',
  'decimals',
  'direction',
  'frequency',
  'targetMin',
  'targetMax',
  'owner',
  'formula',
  'rollup',
] as const satisfies readonly (keyof Kpi)[];

export type RowKpi = Pick<Kpi, (typeof ROW_KPI_FIELDS)[number]>;

/**
 * A KPI's evaluation in a row: without its KPI's id (the row's KPI holds it), its stretch target
 * (which no row shows), and its sparkline's periods, which are the same for every KPI (the
 * view's `sparklineBuckets`).
 */
export type RowEvaluation = Omit<KpiEvaluation, 'kpiId' | 'stretchTarget' | 'sparklineBuckets'>;

export interface KpiRowEntry {
  kpi: RowKpi;
  evaluation: RowEvaluation;
}

export interface ObjectiveRows extends ScoredNode {
  objective: Objective;
  kpis: KpiRowEntry[];
}

export interface PerspectiveRows extends ScoredNode {
  perspective: Perspective;
  objectives: ObjectiveRows[];
}

/** A scorecard evaluated for one view period as its views show it (scorecard.evaluate). */
export interface ScorecardRows extends Omit<ScorecardEvaluation, 'perspectives'> {
  /** The view periods of every KPI's sparkline, oldest first. */
  sparklineBuckets: string[];
  perspectives: PerspectiveRows[];
}

function rowKpi(kpi: Kpi): RowKpi {
  const row: Partial<Record<keyof RowKpi, unknown>> = {};
  for (const field of ROW_KPI_FIELDS) row[field] = kpi[field];
  return row as RowKpi;
}

function rowEvaluation(evaluation: KpiEvaluation): RowEvaluation {
  const { kpiId, stretchTarget, sparklineBuckets, ...row } = evaluation;
  return row;
}

/**
 * The rows of a scorecard's evaluation. `sparklineBuckets`: the periods of its sparklines (the
 * engine gives every KPI the same ones: bucketsEndingAt the period, as many as asked).
 */
export function scorecardRows(
  evaluation: ScorecardEvaluation,
  sparklineBuckets: string[],
): ScorecardRows {
  return {
    scorecard: evaluation.scorecard,
    view: evaluation.view,
    period: evaluation.period,
    availablePeriods: evaluation.availablePeriods,
    completeness: evaluation.completeness,
    own: evaluation.own,
    cascaded: evaluation.cascaded,
    childScorecards: evaluation.childScorecards,
    sparklineBuckets,
    perspectives: evaluation.perspectives.map(({ objectives, ...perspective }) => ({
      ...perspective,
      objectives: objectives.map(({ kpis, ...objective }) => ({
        ...objective,
        kpis: kpis.map(({ kpi, evaluation: kpiEvaluation }) => ({
          kpi: rowKpi(kpi),
          evaluation: rowEvaluation(kpiEvaluation),
        })),
      })),
    })),
  };
}

export interface KpiSeriesPoint {
  period: string;
  value: number | null;
  target: number | null;
  stretchTarget: number | null;
  status: Status;
  /** The comments of the values in this period, joined. */
  comment: string;
  /**
   * The KPI's entered values in this view period (its own periods, oldest first), each with
   * its comment: a comment is written on one value. Empty for calculated and rolled-up KPIs.
   */
  entered: { period: string; comment: string }[];
}

export interface KpiDetail {
  kpi: Kpi;
  view: ViewSpec;
  period: string;
  evaluation: KpiEvaluation;
  series: KpiSeriesPoint[];
  parent: Kpi | null;
  children: { kpi: Kpi; value: number | null; status: Status }[];
  /** For a calculated KPI: the KPIs its formula reads, with their values in the period. */
  inputs: { kpi: Kpi; value: number | null }[];
}

/** Every KPI of the workspace evaluated for one view period, for the KPI hierarchy. */
export interface KpiTreeNode extends EvaluatedKpi {
  scorecardName: string;
}

export interface KpiTree {
  view: ViewSpec;
  period: string;
  /** Parent links are in each `kpi.parentKpiId`; order: scorecards, then position. */
  nodes: KpiTreeNode[];
}
