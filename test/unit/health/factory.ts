import type { Kpi, Objective, Perspective, Scorecard } from '@shared/domain/entities';
import { defaultThresholds } from '@shared/domain/kpi';
import type { HealthInputs } from '@shared/health/types';

// A small, healthy workspace to break one rule at a time: every KPI has an owner, a
// description, a target reached by a deadline, a leading KPI in its perspective and values.

export const TODAY = '2026-11-14';

export const scorecard: Scorecard = {
  id: 'sc',
  parentId: null,
  name: 'Company',
  description: '',
  position: 0,
};
export const perspective: Perspective = {
  id: 'p1',
  scorecardId: 'sc',
  name: 'Customer',
  weight: 1,
  position: 0,
};
export const objective: Objective = {
  id: 'o1',
  perspectiveId: 'p1',
  name: 'Delight guests',
  description: '',
  weight: 1,
  position: 0,
};

export function kpi(id: string, extra: Partial<Kpi> = {}): Kpi {
  return {
    id,
    objectiveId: 'o1',
    parentKpiId: null,
    position: 0,
    name: `KPI ${id}`,
    code: `k_${id}`,
    description: 'What it measures',
    unit: { format: 'number', currency: null, suffix: '' },
    decimals: 0,
    direction: 'higher_is_better',
    frequency: 'monthly',
    aggregation: 'sum',
    target: null,
    targetMin: null,
    targetMax: null,
    baseline: null,
    stretchTarget: null,
    thresholds: defaultThresholds('higher_is_better'),
    owner: 'Ana',
    dataSource: '',
    kpiType: 'operational',
    timing: 'leading',
    measureKind: 'output',
    weight: 1,
    rollup: 'manual',
    formula: null,
    targetPlan: {
      kind: 'trajectory',
      baselinePeriod: '2026-01',
      baseline: 10,
      goalPeriod: '2026-12',
      goal: 20,
    },
    ...extra,
  };
}

/** Inputs where each KPI has values for the last three months before TODAY. */
export function inputs(kpis: Kpi[], extra: Partial<HealthInputs> = {}): HealthInputs {
  return {
    scorecards: [scorecard],
    perspectives: [perspective],
    objectives: [objective],
    kpis,
    periodsWithValue: new Map(kpis.map((k) => [k.id, new Set(['2026-08', '2026-09', '2026-10'])])),
    today: TODAY,
    ...extra,
  };
}
