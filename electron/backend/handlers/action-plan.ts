import {
  changeActionPlan,
  createActionPlan,
  findActionPlans,
  removeActionPlan,
} from '../services/action-plan';
import type { HandlerGroup } from './types';

// Action plans: what is being done about an off-track KPI or objective.

export const actionPlanHandlers = {
  'actionPlan.list': (input, ctx) => findActionPlans(ctx.workspace(), input),
  'actionPlan.create': (input, ctx) => createActionPlan(ctx.workspace(), ctx.now(), input),
  'actionPlan.update': (input, ctx) => changeActionPlan(ctx.workspace(), ctx.now(), input),
  'actionPlan.delete': (input, ctx) => {
    removeActionPlan(ctx.workspace(), input.id);
    return null;
  },
} satisfies HandlerGroup;
