import { ApiError } from '@shared/api/errors';
import type { MethodInput } from '@shared/api/contract';
import { defaultThresholds } from '@shared/domain/kpi';
import { defaultAggregation } from '@shared/scoring/default-aggregation';
import type { Kpi } from '@shared/domain/entities';
import type { Tx } from '../store/change-log';
import { checkHierarchyDepth } from '../store/hierarchy-depth';
import { newId } from '../store/ids';
import {
  codeFromName,
  deleteKpi,
  findKpi,
  getKpi,
  insertKpi,
  listChildKpis,
  listKpis,
  uniqueCode,
  updateKpi,
} from '../store/kpis';
import { getObjective, getScorecard, nextPosition } from '../store/records';
import type { Db } from '../workspace/connection';
import { checkCodeFree, checkDefinition, definitionOf, mergePatch } from './kpi-definition';
import {
  checkKpiFormula,
  checkRollupUnits,
  refuseDeleteIfUsed,
  renameInFormulas,
} from './kpi-formulas';

// KPIs: definitions, their place under an objective, and parent/child links between KPIs
// (structure only; roll-up maths belongs to the scoring engine).

/** Refuses a parent link that would make a KPI its own ancestor, naming the loop. */
function checkNoCycle(db: Db, kpi: Kpi, parentId: string): void {
  if (parentId === kpi.id)
    throw new ApiError({
      code: 'CONFLICT',
      field: 'parentKpiId',
      message: `"${kpi.name}" cannot be its own parent.`,
    });
  const chain: Kpi[] = [];
  for (let cursor = findKpi(db, parentId); cursor;) {
    // A loop that does not pass through `kpi` cannot be made by this app; stop rather than spin.
    if (chain.some((item) => item.id === cursor?.id)) return;
    chain.unshift(cursor);
    if (cursor.id === kpi.id) {
      const loop = [...chain.map((item) => item.name), kpi.name].join(' → ');
      throw new ApiError({
        code: 'CONFLICT',
        field: 'parentKpiId',
        message: `"${kpi.name}" cannot be placed under "${chain.at(-1)?.name ?? ''}": that would make a loop (${loop}).`,
      });
    }
    cursor = cursor.parentKpiId === null ? null : findKpi(db, cursor.parentKpiId);
  }
}

/**
 * Creates a KPI with defaults filled in, after checking its objective, parent and code. The
 * caller holds the transaction (an import creates many inside its own).
 */
export function addKpi(tx: Tx, input: MethodInput<'kpi.create'>): Kpi {
  const { db } = tx;
  const { objectiveId, parentKpiId, code, thresholds, ...fields } = input;
  getObjective(db, objectiveId, 'objectiveId');
  const parent = parentKpiId === null ? null : getKpi(db, parentKpiId, 'parentKpiId');
  if (code !== undefined) checkCodeFree(db, code, null);
  const definition = checkDefinition({
    ...fields,
    code: code ?? uniqueCode(db, codeFromName(fields.name)),
    thresholds: thresholds ?? defaultThresholds(fields.direction),
    aggregation: fields.aggregation ?? defaultAggregation(fields),
  });
  checkKpiFormula(db, null, definition);
  const kpi: Kpi = {
    id: newId(),
    objectiveId,
    parentKpiId,
    position: nextPosition(db, 'kpis', objectiveId),
    ...definition,
  };
  if (parent) {
    checkRollupUnits(parent, [kpi], 'parentKpiId');
    checkHierarchyDepth(db, 'KPI', { id: null, name: kpi.name }, parent.id, 'parentKpiId');
  }
  insertKpi(tx, kpi);
  return kpi;
}

export function createKpi(tx: Tx, input: MethodInput<'kpi.create'>): Kpi {
  return tx.db.transaction(() => addKpi(tx, input))();
}

export function changeKpi(tx: Tx, input: MethodInput<'kpi.update'>): Kpi {
  const { db } = tx;
  return db.transaction(() => {
    const before = getKpi(db, input.id, 'id');
    const merged = mergePatch(definitionOf(before), input.patch);
    if (merged.code !== before.code) checkCodeFree(db, merged.code, before.id);
    const after: Kpi = { ...before, ...checkDefinition(merged) };
    checkKpiFormula(db, before.id, after);
    checkRollupUnits(after, listChildKpis(db, after.id), 'rollup');
    if (after.parentKpiId !== null)
      checkRollupUnits(getKpi(db, after.parentKpiId), [after], 'unit.format');
    if (after.code !== before.code) renameInFormulas(tx, before.code, after.code);
    updateKpi(tx, before, after);
    return after;
  })();
}

export function moveKpi(tx: Tx, input: MethodInput<'kpi.move'>): Kpi {
  const { db } = tx;
  return db.transaction(() => {
    const before = getKpi(db, input.id, 'id');
    getObjective(db, input.objectiveId, 'objectiveId');
    if (before.objectiveId === input.objectiveId) return before;
    const after: Kpi = {
      ...before,
      objectiveId: input.objectiveId,
      position: nextPosition(db, 'kpis', input.objectiveId),
    };
    updateKpi(tx, before, after);
    return after;
  })();
}

/** Sets (or clears) a KPI's parent, refusing a loop or a roll-up of mixed units. */
export function setKpiParent(tx: Tx, input: MethodInput<'kpi.setParent'>): Kpi {
  const { db } = tx;
  return db.transaction(() => {
    const before = getKpi(db, input.id, 'id');
    if (input.parentKpiId !== null) {
      const parent = getKpi(db, input.parentKpiId, 'parentKpiId');
      checkNoCycle(db, before, input.parentKpiId);
      checkRollupUnits(parent, [before], 'parentKpiId');
      checkHierarchyDepth(db, 'KPI', before, parent.id, 'parentKpiId');
    }
    const after: Kpi = { ...before, parentKpiId: input.parentKpiId };
    updateKpi(tx, before, after);
    return after;
  })();
}

/** The KPIs of one scorecard (not of its children), or of the whole workspace. */
export function findKpis(db: Db, scorecardId: string | undefined): Kpi[] {
  if (scorecardId !== undefined) getScorecard(db, scorecardId, 'scorecardId');
  return listKpis(db, scorecardId);
}

export function kpiById(db: Db, id: string): Kpi {
  return getKpi(db, id, 'id');
}

export function childKpis(db: Db, id: string): Kpi[] {
  getKpi(db, id, 'id');
  return listChildKpis(db, id);
}

/** Deletes a KPI and its values, unless a formula uses it; its child KPIs stay, detached. */
export function removeKpi(tx: Tx, id: string): void {
  tx.db.transaction(() => {
    const before = getKpi(tx.db, id, 'id');
    refuseDeleteIfUsed(tx.db, before);
    deleteKpi(tx, before);
  })();
}
