import type { Kpi, KpiDefinition, Objective, Perspective, Scorecard } from '../domain/entities';

// The health check's vocabulary (issue 18 point 4): what is wrong with the scorecard itself,
// not with its numbers. Each finding says how bad it is, what it concerns and where the fix is.

/** `error` is the worst: numbers shown are misleading. `info` is good practice missed. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_LABELS: Record<Severity, string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
};

export const HEALTH_RULES = [
  'ratio_summed',
  'level_summed',
  'formula_mixed_frequencies',
  'formula_unknown_input',
  'no_owner',
  'no_target',
  'no_recent_data',
  'duplicate_name',
  'objective_too_many_kpis',
  'objective_no_kpis',
  'perspective_no_leading',
  'no_description',
  'target_no_deadline',
] as const;
export type HealthRule = (typeof HEALTH_RULES)[number];

/** An objective with more KPIs than this is hard to steer (PRODUCT.md: 3–5 KPIs per team). */
export const MAX_KPIS_PER_OBJECTIVE = 5;
/** Due periods in a row without a value before a KPI is called neglected. */
export const MISSING_PERIODS = 3;

export interface HealthSubject {
  kind: 'scorecard' | 'perspective' | 'objective' | 'kpi';
  id: string;
  name: string;
}

/**
 * Where the fix is, for the renderer to open: a KPI's form at one field, the data-entry grid
 * at a cell, a new KPI under an objective, or the scorecard view at an objective.
 */
export type HealthFix =
  | { kind: 'kpi_field'; kpiId: string; field: keyof KpiDefinition }
  | { kind: 'grid_cell'; kpiId: string; period: string }
  | { kind: 'new_kpi'; objectiveId: string }
  | { kind: 'objective'; objectiveId: string };

export interface HealthFinding {
  /** Stable across edits (rule and subject), so a dismissal outlives renames. */
  key: string;
  rule: HealthRule;
  severity: Severity;
  /** What is wrong, naming the subject: "Revenue has no owner". */
  message: string;
  /** What to do about it, in words. */
  advice: string;
  subject: HealthSubject;
  /** The scorecard, perspective and objective it sits in (those that apply). */
  scorecard: { id: string; name: string } | null;
  perspective: { id: string; name: string } | null;
  objective: { id: string; name: string } | null;
  fix: HealthFix;
}

/** What the rules read: the workspace's structure and which KPI periods have a value. */
export interface HealthInputs {
  scorecards: readonly Scorecard[];
  perspectives: readonly Perspective[];
  objectives: readonly Objective[];
  kpis: readonly Kpi[];
  /** For each KPI, the periods (of its own frequency) that have a value. */
  periodsWithValue: ReadonlyMap<string, ReadonlySet<string>>;
  /** Today as an ISO day (`2026-11-14`): which periods are already due. */
  today: string;
}

export interface HealthDismissal {
  id: string;
  findingKey: string;
  reason: string;
  dismissedAt: string;
}

export type HealthCounts = Record<Severity, number>;

export interface HealthReport {
  /** Open findings, worst first. */
  findings: HealthFinding[];
  /** Findings dismissed with a reason; a dismissal of a finding that no longer holds is not listed. */
  dismissed: (HealthFinding & { dismissal: HealthDismissal })[];
  /** Open findings by severity. */
  counts: HealthCounts;
}
