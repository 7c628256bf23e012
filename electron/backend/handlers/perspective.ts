import {
  changePerspective,
  createPerspective,
  removePerspective,
  reorderPerspectives,
} from '../services/perspective';
import type { HandlerGroup } from './types';

// Perspectives of a scorecard.

export const perspectiveHandlers = {
  'perspective.create': (input, ctx) => createPerspective(ctx.workspace(), input),
  'perspective.update': (input, ctx) => changePerspective(ctx.workspace(), input),
  'perspective.reorder': (input, ctx) => reorderPerspectives(ctx.workspace(), input),
  'perspective.delete': (input, ctx) => {
    removePerspective(ctx.workspace(), input.id);
    return null;
  },
} satisfies HandlerGroup;
