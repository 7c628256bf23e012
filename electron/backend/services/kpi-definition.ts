import { kpiDefinitionSchema } from '@shared/api/schemas';
import { ApiError } from '@shared/api/errors';
import { defaultThresholds, type Thresholds } from '@shared/domain/kpi';
import type { Kpi, KpiDefinition } from '@shared/domain/entities';
import { findKpiByCode } from '../store/kpis';
import type { Db } from '../workspace/connection';
import { zodValidationError } from '../validation';

// Rules that span several fields of a KPI definition, checked on the whole definition (for an
// update: the stored one with the patch applied), so a patch cannot sneak past them.

export function definitionOf(kpi: Kpi): KpiDefinition {
  return {
    name: kpi.name,
    code: kpi.code,
    description: kpi.description,
    unit: kpi.unit,
    decimals: kpi.decimals,
    direction: kpi.direction,
    frequency: kpi.frequency,
    aggregation: kpi.aggregation,
    target: kpi.target,
    targetMin: kpi.targetMin,
    targetMax: kpi.targetMax,
    baseline: kpi.baseline,
    stretchTarget: kpi.stretchTarget,
    thresholds: kpi.thresholds,
    owner: kpi.owner,
    dataSource: kpi.dataSource,
    kpiType: kpi.kpiType,
    timing: kpi.timing,
    measureKind: kpi.measureKind,
    weight: kpi.weight,
    rollup: kpi.rollup,
    formula: kpi.formula,
    targetPlan: kpi.targetPlan,
  };
}

/** Validates a complete definition; errors name the field, e.g. `thresholds.atRisk`. */
export function checkDefinition(definition: KpiDefinition): KpiDefinition {
  const parsed = kpiDefinitionSchema.safeParse(definition);
  if (!parsed.success) throw zodValidationError(parsed.error, definition, 'the KPI definition');
  return {
    ...parsed.data,
    code: definition.code,
    thresholds: definition.thresholds,
    aggregation: definition.aggregation,
  };
}

export function checkCodeFree(db: Db, code: string, ownId: string | null): void {
  const holder = findKpiByCode(db, code);
  if (holder && holder.id !== ownId)
    throw new ApiError({
      code: 'CONFLICT',
      field: 'code',
      message: `Identifier: "${code}" is already used by the KPI "${holder.name}"; choose another`,
    });
}

function sameThresholds(a: Thresholds, b: Thresholds): boolean {
  return a.mode === b.mode && a.onTrack === b.onTrack && a.atRisk === b.atRisk;
}

/** The stored definition with the fields the patch sends (the patch schema has no defaults). */
export function mergePatch(stored: KpiDefinition, patch: Partial<KpiDefinition>): KpiDefinition {
  const merged: KpiDefinition = { ...stored };
  for (const key of Object.keys(patch) as (keyof KpiDefinition)[]) {
    if (patch[key] !== undefined) Object.assign(merged, { [key]: patch[key] });
  }
  // Untouched default thresholds follow a change of direction; custom ones are kept (and
  // validated against the new direction).
  if (
    patch.thresholds === undefined &&
    merged.direction !== stored.direction &&
    sameThresholds(stored.thresholds, defaultThresholds(stored.direction))
  )
    merged.thresholds = defaultThresholds(merged.direction);
  return merged;
}
