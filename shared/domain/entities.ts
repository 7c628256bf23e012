import type {
  Aggregation,
  Direction,
  Frequency,
  IndicatorTiming,
  KpiType,
  MeasureKind,
  Rollup,
  Thresholds,
  UnitFormat,
} from './kpi';
import type { TargetPlan } from '../scoring/targets';

/** UUIDv7, made where the record is created (ARCHITECTURE.md "Workspace file"). */
export type Id = string;

export interface WorkspaceInfo {
  path: string;
  name: string;
  id: Id;
  schemaVersion: number;
  /** 1–12: the month a fiscal year starts in (1 = calendar year). */
  fiscalYearStartMonth: number;
  createdAt: string;
  /** True when the file was migrated from an older version on this open (a backup was taken). */
  migratedFrom: number | null;
  backupPath: string | null;
}

export interface RecentWorkspace {
  path: string;
  name: string;
  openedAt: string;
  /** False when the file has moved or vanished since it was last opened. */
  exists: boolean;
}

export interface Scorecard {
  id: Id;
  parentId: Id | null;
  name: string;
  description: string;
  position: number;
}

export interface Perspective {
  id: Id;
  scorecardId: Id;
  name: string;
  weight: number;
  position: number;
}

export interface Objective {
  id: Id;
  perspectiveId: Id;
  name: string;
  description: string;
  weight: number;
  position: number;
}

export interface Unit {
  format: UnitFormat;
  /** ISO 4217 code for currency KPIs ("EUR"); null otherwise. */
  currency: string | null;
  /** Free text shown after the number for plain numbers and durations ("days", "tickets"). */
  suffix: string;
}

/** Every field of a KPI definition that a user edits (PRODUCT.md "KPI"). */
export interface KpiDefinition {
  name: string;
  /** Short stable identifier used by formulas, e.g. `net_profit`. Unique in the workspace. */
  code: string;
  description: string;
  unit: Unit;
  decimals: number;
  direction: Direction;
  frequency: Frequency;
  aggregation: Aggregation;
  /** The target for every period, unless a period has its own (scoring issue). */
  target: number | null;
  /** For within-range KPIs: the target range. */
  targetMin: number | null;
  targetMax: number | null;
  baseline: number | null;
  stretchTarget: number | null;
  thresholds: Thresholds;
  owner: string;
  dataSource: string;
  kpiType: KpiType;
  timing: IndicatorTiming;
  measureKind: MeasureKind;
  weight: number;
  rollup: Rollup;
  /** A calculated KPI's formula over other KPIs' identifiers; null when values are entered. */
  formula: string | null;
  /** How the target changes over time; null: the constant `target` holds for every period. */
  targetPlan: TargetPlan | null;
}

export interface Kpi extends KpiDefinition {
  id: Id;
  objectiveId: Id;
  parentKpiId: Id | null;
  position: number;
}

export interface KpiValue {
  kpiId: Id;
  period: string;
  value: number;
  comment: string;
  enteredBy: string;
  enteredAt: string;
}

export type ChangeOperation = 'insert' | 'update' | 'delete';

/**
 * What a change-log entry is about; also what the backend's `changed` event names. The list is
 * repeated in the change log's CHECK constraint (migrations 5 and "strategy map"): an entity
 * added here needs a migration that widens it (electron/backend/workspace/change-log-entities.ts).
 */
export const CHANGE_ENTITIES = [
  'workspace',
  'scorecard',
  'perspective',
  'objective',
  'kpi',
  'value',
  'action_plan',
  'reminder_defaults',
  'kpi_reminder',
  'review_schedule',
  'report_options',
  'objective_link',
  'map_position',
  'health_dismissal',
] as const;

export type ChangeEntity = (typeof CHANGE_ENTITIES)[number];

/** One entry of the append-only change log: the value history, the audit trail, later sync. */
export interface ChangeLogEntry {
  id: Id;
  entity: string;
  entityId: string;
  operation: ChangeOperation;
  oldValue: unknown;
  newValue: unknown;
  at: string;
  deviceId: string;
}

/** Where an action plan stands (the list is repeated in migration 3's CHECK constraint). */
export type ActionPlanStatus = 'planned' | 'in_progress' | 'blocked' | 'done' | 'cancelled';

/** What is being done about an off-track KPI or objective (PRODUCT.md "Action plan"). */
export interface ActionPlan {
  id: Id;
  /** Exactly one of kpiId and objectiveId is set. */
  kpiId: Id | null;
  objectiveId: Id | null;
  title: string;
  owner: string;
  /** ISO day `2026-04-30`, or null when no date was agreed. */
  dueDate: string | null;
  status: ActionPlanStatus;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * Cause → effect between two objectives of one workspace (PRODUCT.md "Strategy map"): better
 * results in `fromObjectiveId` are expected to drive `toObjectiveId` ("Bake on time → Delight
 * our guests"). The two may sit in different perspectives and scorecards.
 */
export interface ObjectiveLink {
  id: Id;
  fromObjectiveId: Id;
  toObjectiveId: Id;
  /** Optional words on the arrow ("fewer late orders"); empty when none. */
  label: string;
  createdAt: string;
}

/**
 * Where a user dragged an objective on a scorecard's strategy map, in map units (the layout's
 * own coordinates). Objectives without one are placed by the automatic layout.
 */
export interface MapPosition {
  scorecardId: Id;
  objectiveId: Id;
  x: number;
  y: number;
}
