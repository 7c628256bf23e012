import { getKpi } from '../store/kpis';
import { getObjective } from '../store/records';
import {
  deleteActionPlan,
  getActionPlan,
  insertActionPlan,
  listActionPlans,
  updateActionPlan,
} from '../store/action-plans';
import type { HandlerGroup } from './types';

// Action plans: what is being done about an off-track KPI or objective.

export const actionPlanHandlers = {
  'actionPlan.list': (input, ctx) => listActionPlans(ctx.workspace().db, input),

  'actionPlan.create': (input, ctx) => {
    const { db } = ctx.workspace();
    return db.transaction(() => {
      if (input.kpiId !== null) getKpi(db, input.kpiId, 'kpiId');
      if (input.objectiveId !== null) getObjective(db, input.objectiveId, 'objectiveId');
      return insertActionPlan(db, input, ctx.now());
    })();
  },

  'actionPlan.update': (input, ctx) => {
    const { db } = ctx.workspace();
    return db.transaction(() => {
      const before = getActionPlan(db, input.id, 'id');
      const after = {
        ...before,
        title: input.title ?? before.title,
        owner: input.owner ?? before.owner,
        dueDate: input.dueDate === undefined ? before.dueDate : input.dueDate,
        status: input.status ?? before.status,
        notes: input.notes ?? before.notes,
        updatedAt: ctx.now(),
      };
      updateActionPlan(db, after);
      return after;
    })();
  },

  'actionPlan.delete': (input, ctx) => {
    const { db } = ctx.workspace();
    db.transaction(() => {
      getActionPlan(db, input.id, 'id');
      deleteActionPlan(db, input.id);
    })();
    return null;
  },
} satisfies HandlerGroup;
