import { v7 as uuidv7 } from 'uuid';
import { ApiError } from '@shared/api/errors';
import { defaultThresholds } from '@shared/domain/kpi';
import { defaultAggregation } from '@shared/scoring/default-aggregation';
import type { Kpi } from '@shared/domain/entities';
import {
  codeFromName,
  findKpi,
  getKpi,
  insertKpiRow,
  listChildKpis,
  listKpis,
  uniqueCode,
  updateKpiRow,
} from '../store/kpis';
import { checkHierarchyDepth } from '../store/hierarchy-depth';
import { getObjective, getScorecard, nextPosition } from '../store/records';
import type { Db } from '../workspace/migrations';
import type { Workspace } from '../workspace/workspace';
import type { MethodInput } from '@shared/api/contract';
import { checkCodeFree, checkDefinition, definitionOf, mergePatch } from './kpi-definition';
import type { HandlerGroup } from './types';
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

/** Creates a KPI with defaults filled in, after checking its objective, parent and code. */
export function createKpi(
  { db, changes }: Pick<Workspace, 'db' | 'changes'>,
  input: MethodInput<'kpi.create'>,
): Kpi {
  const { objectiveId, parentKpiId, code, thresholds, ...fields } = input;
  getObjective(db, objectiveId, 'objectiveId');
  const parent = parentKpiId === null ? null : getKpi(db, parentKpiId, 'parentKpiId');
  if (code !== undefined) checkCodeFree(db, code, null);
  const definition = checkDefinition({
    ...fields,
    aggregation: fields.aggregation ?? defaultAggregation(fields),
    code: code ?? uniqueCode(db, codeFromName(fields.name)),
    thresholds: thresholds ?? defaultThresholds(fields.direction),
  });
  checkKpiFormula(db, null, definition);
  const kpi: Kpi = {
    id: uuidv7(),
    objectiveId,
    parentKpiId,
    position: nextPosition(db, 'kpis', objectiveId),
    ...definition,
  };
  if (parent) {
    checkRollupUnits(parent, [kpi], 'parentKpiId');
    checkHierarchyDepth(db, 'KPI', { id: null, name: kpi.name }, parent.id, 'parentKpiId');
  }
  insertKpiRow(db, kpi);
  changes.record('kpi', kpi.id, 'insert', null, kpi);
  return kpi;
}

export const kpiHandlers = {
  'kpi.list': (input, ctx) => {
    const { db } = ctx.workspace();
    if (input.scorecardId !== undefined) getScorecard(db, input.scorecardId, 'scorecardId');
    return listKpis(db, input.scorecardId);
  },

  'kpi.get': (input, ctx) => getKpi(ctx.workspace().db, input.id, 'id'),

  'kpi.create': (input, ctx) => {
    const workspace = ctx.workspace();
    return workspace.db.transaction(() => createKpi(workspace, input))();
  },

  'kpi.update': (input, ctx) => {
    const { db, changes } = ctx.workspace();
    return db.transaction(() => {
      const before = getKpi(db, input.id, 'id');
      const merged = mergePatch(definitionOf(before), input.patch);
      if (merged.code !== before.code) checkCodeFree(db, merged.code, before.id);
      const after: Kpi = { ...before, ...checkDefinition(merged) };
      checkKpiFormula(db, before.id, after);
      checkRollupUnits(after, listChildKpis(db, after.id), 'rollup');
      if (after.parentKpiId !== null)
        checkRollupUnits(getKpi(db, after.parentKpiId), [after], 'unit.format');
      if (after.code !== before.code) renameInFormulas(ctx.workspace(), before.code, after.code);
      updateKpiRow(db, after);
      changes.recordUpdate('kpi', after.id, before, after);
      return after;
    })();
  },

  'kpi.move': (input, ctx) => {
    const { db, changes } = ctx.workspace();
    return db.transaction(() => {
      const before = getKpi(db, input.id, 'id');
      getObjective(db, input.objectiveId, 'objectiveId');
      if (before.objectiveId === input.objectiveId) return before;
      const after: Kpi = {
        ...before,
        objectiveId: input.objectiveId,
        position: nextPosition(db, 'kpis', input.objectiveId),
      };
      updateKpiRow(db, after);
      changes.recordUpdate('kpi', after.id, before, after);
      return after;
    })();
  },

  'kpi.setParent': (input, ctx) => {
    const { db, changes } = ctx.workspace();
    return db.transaction(() => {
      const before = getKpi(db, input.id, 'id');
      if (input.parentKpiId !== null) {
        const parent = getKpi(db, input.parentKpiId, 'parentKpiId');
        checkNoCycle(db, before, input.parentKpiId);
        checkRollupUnits(parent, [before], 'parentKpiId');
        checkHierarchyDepth(db, 'KPI', before, parent.id, 'parentKpiId');
      }
      const after: Kpi = { ...before, parentKpiId: input.parentKpiId };
      updateKpiRow(db, after);
      changes.recordUpdate('kpi', after.id, before, after);
      return after;
    })();
  },

  'kpi.children': (input, ctx) => {
    const { db } = ctx.workspace();
    getKpi(db, input.id, 'id');
    return listChildKpis(db, input.id);
  },

  'kpi.delete': (input, ctx) => {
    const { db, changes } = ctx.workspace();
    db.transaction(() => {
      const before = getKpi(db, input.id, 'id');
      refuseDeleteIfUsed(db, before);
      // Its values go with it (ON DELETE CASCADE); its child KPIs stay, detached.
      db.prepare('DELETE FROM kpis WHERE id = ?').run(input.id);
      changes.record('kpi', input.id, 'delete', before, null);
    })();
    return null;
  },
} satisfies HandlerGroup;
