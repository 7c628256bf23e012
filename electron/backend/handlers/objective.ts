import {
  changeObjective,
  createObjective,
  removeObjective,
  reorderObjectives,
} from '../services/objective';
import type { HandlerGroup } from './types';

// Objectives inside a perspective.

export const objectiveHandlers = {
  'objective.create': (input, ctx) => createObjective(ctx.workspace(), input),
  'objective.update': (input, ctx) => changeObjective(ctx.workspace(), input),
  'objective.reorder': (input, ctx) => reorderObjectives(ctx.workspace(), input),
  'objective.delete': (input, ctx) => {
    removeObjective(ctx.workspace(), input.id);
    return null;
  },
} satisfies HandlerGroup;
