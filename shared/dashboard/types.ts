import type { ActionPlan, Unit } from '../domain/entities';
import type { Direction, Frequency, Status } from '../domain/kpi';
import type { ViewSpec } from '../scoring/calendar';
import type { HealthCounts } from '../health/types';

// What the dashboard shows (issue 17 point 5): what needs attention in one scorecard for one
// view period, assembled by one backend call from the scorecard's evaluation.

/** A KPI as the dashboard lists it. */
export interface DashboardKpi {
  kpiId: string;
  name: string;
  unit: Unit;
  decimals: number;
  direction: Direction;
  frequency: Frequency;
  owner: string;
  objectiveName: string;
  perspectiveName: string;
  status: Status;
  value: number | null;
  target: number | null;
  /** A within-range KPI's target range (its `target` is null). */
  targetMin: number | null;
  targetMax: number | null;
  /** How far the value is from the target (or from the nearer end of a target range), signed. */
  gap: number | null;
  /** For a KPI measured less often than the view, the own period shown ("2026-Q3"). */
  period: string | null;
  /** The latest comment on a value of the period. */
  comment: string;
}

/** A KPI that moved since the previous view period. */
export interface DashboardMover {
  kpiId: string;
  name: string;
  unit: Unit;
  decimals: number;
  value: number;
  previousValue: number;
  change: number;
  /** change ÷ |previous value|; null when the previous value was 0. */
  relativeChange: number | null;
  /** Whether the move is good news for the KPI's direction; null for within-range KPIs. */
  improved: boolean | null;
}

/** A value that is due or overdue, with what the grid needs to go to its cell. */
export interface DashboardDueValue {
  kpiId: string;
  kpiName: string;
  owner: string;
  frequency: Frequency;
  /** The KPI's own period key (`2026-10`, `2026-Q3`, `2026-W44`). */
  period: string;
  /** When it is due (UTC ISO). */
  dueAt: string;
  overdue: boolean;
}

export interface DashboardActionPlan {
  plan: ActionPlan;
  /** The KPI's or objective's name. */
  subjectName: string;
  overdue: boolean;
}

export interface Dashboard {
  scorecard: { id: string; name: string };
  view: ViewSpec;
  period: string;
  availablePeriods: string[];
  completeness: { period: string; reported: number; expected: number }[];
  /** KPIs of the scorecard by status in the period. */
  counts: Record<Status, number>;
  /**
   * Off-track KPIs first, then at risk; each group furthest from target first (at most
   * ATTENTION_LISTED; `attentionTotal` counts them all).
   */
  attention: DashboardKpi[];
  attentionTotal: number;
  /** The biggest moves since the previous period, largest first. */
  movers: DashboardMover[];
  /** Values due or overdue, oldest first (at most DUE_LISTED; `dueTotal` counts them all). */
  due: DashboardDueValue[];
  dueTotal: number;
  overdueTotal: number;
  /** Open action plans due within ACTION_PLANS_AHEAD_DAYS or overdue, soonest first. */
  actionPlans: DashboardActionPlan[];
  /** Open health findings of the workspace by severity, and how many are dismissed. */
  health: HealthCounts & { dismissed: number };
}

export const ATTENTION_LISTED = 6;
export const MOVERS_LISTED = 5;
export const DUE_LISTED = 4;
export const ACTION_PLANS_AHEAD_DAYS = 14;
