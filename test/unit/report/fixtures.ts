import type { ActionPlan, Kpi } from '@shared/domain/entities';
import type { ScorecardEvaluation } from '@shared/domain/evaluation';
import { defaultThresholds, type Direction, type Status } from '@shared/domain/kpi';
import type { ReportSectionSource } from '@shared/report/model';
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from '@shared/report/options';
import type { ScoredNode } from '@shared/scoring/evaluate-structure';
import type { KpiEvaluation } from '@shared/scoring/evaluate-kpis';
import type { ViewSpec } from '@shared/scoring/calendar';

// Small evaluated scorecards for the report model builder: only what the report reads is set.

export const MONTH: ViewSpec = { frequency: 'month', basis: 'calendar', fiscalYearStartMonth: 1 };

export interface KpiFact {
  name: string;
  value: number | null;
  target?: number | null;
  status: Status;
  direction?: Direction;
  targetMin?: number;
  targetMax?: number;
  owner?: string;
  score?: number | null;
}

export function kpiOf(id: string, fact: KpiFact, objectiveId: string): Kpi {
  const direction = fact.direction ?? 'higher_is_better';
  return {
    id,
    objectiveId,
    parentKpiId: null,
    position: 0,
    name: fact.name,
    code: id,
    description: '',
    unit: { format: 'percent', currency: null, suffix: '' },
    decimals: 1,
    direction,
    frequency: 'monthly',
    aggregation: 'average',
    target: fact.target ?? null,
    targetMin: fact.targetMin ?? null,
    targetMax: fact.targetMax ?? null,
    baseline: null,
    stretchTarget: null,
    thresholds: defaultThresholds(direction),
    owner: fact.owner ?? '',
    dataSource: '',
    kpiType: 'operational',
    timing: 'lagging',
    measureKind: 'outcome',
    weight: 1,
    rollup: 'manual',
    formula: null,
    targetPlan: null,
  };
}

function evaluationOf(id: string, fact: KpiFact): KpiEvaluation {
  return {
    kpiId: id,
    source: 'entered',
    value: fact.value,
    target: fact.target ?? null,
    stretchTarget: null,
    status: fact.status,
    score: fact.score ?? null,
    previousValue: null,
    trend: null,
    improved: null,
    sparkline: [],
    sparklineBuckets: [],
    targetToDate: false,
    forecast: null,
    missingInputs: 0,
    tooLarge: false,
    inputs: 0,
    period: null,
  };
}

const node = (status: Status, score: number | null = null): ScoredNode => ({
  status,
  score,
  health: null,
  noData: 0,
  total: 0,
});

/** One scorecard, its perspectives by name, each with one objective holding the KPIs. */
export function scorecard(
  name: string,
  period: string,
  perspectives: Record<string, Record<string, KpiFact>>,
  overall: Status = 'at_risk',
): ScorecardEvaluation {
  const scorecardId = `sc-${name}`;
  return {
    scorecard: { id: scorecardId, parentId: null, name, description: '', position: 0 },
    view: MONTH,
    period,
    availablePeriods: [period],
    completeness: [{ period, reported: 1, expected: 1 }],
    own: node(overall, 80),
    cascaded: node(overall, 75),
    childScorecards: [],
    perspectives: Object.entries(perspectives).map(([perspectiveName, kpis], p) => {
      const perspectiveId = `${scorecardId}-p${p}`;
      const objectiveId = `${perspectiveId}-o`;
      return {
        perspective: {
          id: perspectiveId,
          scorecardId,
          name: perspectiveName,
          weight: 1,
          position: p,
        },
        ...node('on_track'),
        objectives: [
          {
            objective: {
              id: objectiveId,
              perspectiveId,
              name: `${perspectiveName} goal`,
              description: '',
              weight: 1,
              position: 0,
            },
            ...node('on_track'),
            kpis: Object.entries(kpis).map(([id, fact]) => ({
              kpi: kpiOf(id, fact, objectiveId),
              evaluation: evaluationOf(id, fact),
            })),
          },
        ],
      };
    }),
  };
}

export function section(
  current: ScorecardEvaluation,
  comparison: ScorecardEvaluation,
  depth = 0,
): ReportSectionSource {
  return { current, comparison, depth };
}

export function options(patch: Partial<ReportOptions> = {}): ReportOptions {
  return { ...DEFAULT_REPORT_OPTIONS, ...patch };
}

export function plan(patch: Partial<ActionPlan> & { title: string }): ActionPlan {
  return {
    id: `plan-${patch.title}`,
    kpiId: null,
    objectiveId: null,
    owner: '',
    dueDate: null,
    status: 'planned',
    notes: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...patch,
  };
}
