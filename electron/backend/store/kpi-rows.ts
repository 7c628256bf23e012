import type {
  Aggregation,
  Direction,
  Frequency,
  IndicatorTiming,
  KpiType,
  MeasureKind,
  Rollup,
  ThresholdMode,
  UnitFormat,
} from '@shared/domain/kpi';
import type { Kpi } from '@shared/domain/entities';
import type { TargetPlan } from '@shared/scoring/targets';

// KPI rows ↔ KPI records. The CHECK constraints guarantee the enum columns hold known values.

export interface KpiRow {
  id: string;
  objective_id: string;
  parent_kpi_id: string | null;
  name: string;
  code: string;
  description: string;
  unit_format: UnitFormat;
  unit_currency: string | null;
  unit_suffix: string;
  decimals: number;
  direction: Direction;
  frequency: Frequency;
  aggregation: Aggregation;
  target: number | null;
  target_min: number | null;
  target_max: number | null;
  baseline: number | null;
  stretch_target: number | null;
  threshold_mode: ThresholdMode;
  threshold_on_track: number;
  threshold_at_risk: number;
  owner: string;
  data_source: string;
  kpi_type: KpiType;
  timing: IndicatorTiming;
  measure_kind: MeasureKind;
  weight: number;
  rollup: Rollup;
  formula: string | null;
  /** JSON of a TargetPlan (validated before it is written). */
  target_plan: string | null;
  position: number;
}

function parsePlan(json: string | null): TargetPlan | null {
  if (json === null) return null;
  try {
    return JSON.parse(json) as TargetPlan;
  } catch {
    return null; // json_valid guards the column; this is only for files edited elsewhere
  }
}

export function toKpi(row: KpiRow): Kpi {
  return {
    id: row.id,
    objectiveId: row.objective_id,
    parentKpiId: row.parent_kpi_id,
    position: row.position,
    name: row.name,
    code: row.code,
    description: row.description,
    unit: { format: row.unit_format, currency: row.unit_currency, suffix: row.unit_suffix },
    decimals: row.decimals,
    direction: row.direction,
    frequency: row.frequency,
    aggregation: row.aggregation,
    target: row.target,
    targetMin: row.target_min,
    targetMax: row.target_max,
    baseline: row.baseline,
    stretchTarget: row.stretch_target,
    thresholds: {
      mode: row.threshold_mode,
      onTrack: row.threshold_on_track,
      atRisk: row.threshold_at_risk,
    },
    owner: row.owner,
    dataSource: row.data_source,
    kpiType: row.kpi_type,
    timing: row.timing,
    measureKind: row.measure_kind,
    weight: row.weight,
    rollup: row.rollup,
    formula: row.formula,
    targetPlan: parsePlan(row.target_plan),
  };
}

export function toRow(kpi: Kpi): KpiRow {
  return {
    id: kpi.id,
    objective_id: kpi.objectiveId,
    parent_kpi_id: kpi.parentKpiId,
    position: kpi.position,
    name: kpi.name,
    code: kpi.code,
    description: kpi.description,
    unit_format: kpi.unit.format,
    unit_currency: kpi.unit.currency,
    unit_suffix: kpi.unit.suffix,
    decimals: kpi.decimals,
    direction: kpi.direction,
    frequency: kpi.frequency,
    aggregation: kpi.aggregation,
    target: kpi.target,
    target_min: kpi.targetMin,
    target_max: kpi.targetMax,
    baseline: kpi.baseline,
    stretch_target: kpi.stretchTarget,
    threshold_mode: kpi.thresholds.mode,
    threshold_on_track: kpi.thresholds.onTrack,
    threshold_at_risk: kpi.thresholds.atRisk,
    owner: kpi.owner,
    data_source: kpi.dataSource,
    kpi_type: kpi.kpiType,
    timing: kpi.timing,
    measure_kind: kpi.measureKind,
    weight: kpi.weight,
    rollup: kpi.rollup,
    formula: kpi.formula,
    target_plan: kpi.targetPlan === null ? null : JSON.stringify(kpi.targetPlan),
  };
}

/** Every column of `kpis`; the Record type makes a forgotten column a build error. */
const COLUMN_SET: Record<keyof KpiRow, true> = {
  id: true,
  objective_id: true,
  parent_kpi_id: true,
  position: true,
  name: true,
  code: true,
  description: true,
  unit_format: true,
  unit_currency: true,
  unit_suffix: true,
  decimals: true,
  direction: true,
  frequency: true,
  aggregation: true,
  target: true,
  target_min: true,
  target_max: true,
  baseline: true,
  stretch_target: true,
  threshold_mode: true,
  threshold_on_track: true,
  threshold_at_risk: true,
  owner: true,
  data_source: true,
  kpi_type: true,
  timing: true,
  measure_kind: true,
  weight: true,
  rollup: true,
  formula: true,
  target_plan: true,
};
export const COLUMNS = Object.keys(COLUMN_SET) as (keyof KpiRow)[];

/** The columns to read a KPI by kpiOfArray: `k.id, k.objective_id, …` in COLUMNS' order. */
export const ARRAY_COLUMNS = COLUMNS.map((column) => `k.${column}`).join(', ');

/**
 * A KPI row read as an array (ARRAY_COLUMNS), seen as a KpiRow without copying it: a getter
 * per column on the prototype. Copying each array into an object of 31 keys named at run time
 * took about a third of reading 5,000 KPIs (issue 19).
 */
class ArrayRow {
  constructor(readonly values: readonly unknown[]) {}
}
for (const [index, column] of COLUMNS.entries())
  Object.defineProperty(ArrayRow.prototype, column, {
    get(this: ArrayRow) {
      return this.values[index];
    },
  });

/** A KPI from its row read as an array in ARRAY_COLUMNS' order. */
export function kpiOfArray(values: readonly unknown[]): Kpi {
  return toKpi(new ArrayRow(values) as unknown as KpiRow);
}
