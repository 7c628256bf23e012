import type { MethodInput } from '@shared/api/contract';
import type { ActionPlan } from '@shared/domain/entities';
import {
  deleteActionPlan,
  getActionPlan,
  insertActionPlan,
  listActionPlans,
  updateActionPlan,
} from '../store/action-plans';
import type { Tx } from '../store/change-log';
import { getKpi } from '../store/kpis';
import { getObjective } from '../store/records';

// Action plans: what is being done about an off-track KPI or objective.

export function findActionPlans(tx: Tx, input: MethodInput<'actionPlan.list'>): ActionPlan[] {
  return listActionPlans(tx.db, input);
}

export function createActionPlan(
  tx: Tx,
  now: string,
  input: MethodInput<'actionPlan.create'>,
): ActionPlan {
  const { db } = tx;
  return db.transaction(() => {
    if (input.kpiId !== null) getKpi(db, input.kpiId, 'kpiId');
    if (input.objectiveId !== null) getObjective(db, input.objectiveId, 'objectiveId');
    return insertActionPlan(tx, input, now);
  })();
}

export function changeActionPlan(
  tx: Tx,
  now: string,
  input: MethodInput<'actionPlan.update'>,
): ActionPlan {
  return tx.db.transaction(() => {
    const before = getActionPlan(tx.db, input.id, 'id');
    const after: ActionPlan = {
      ...before,
      title: input.title ?? before.title,
      owner: input.owner ?? before.owner,
      dueDate: input.dueDate === undefined ? before.dueDate : input.dueDate,
      status: input.status ?? before.status,
      notes: input.notes ?? before.notes,
      updatedAt: now,
    };
    updateActionPlan(tx, before, after);
    return after;
  })();
}

export function removeActionPlan(tx: Tx, id: string): void {
  tx.db.transaction(() => {
    deleteActionPlan(tx, getActionPlan(tx.db, id, 'id'));
  })();
}
