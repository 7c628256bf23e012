import { checkHealth, dismissFinding, restoreFinding } from '../services/health';
import type { HandlerGroup } from './types';

// The health check: findings about the scorecard itself, and dismissals with a reason.

export const healthHandlers = {
  'health.check': (_input, ctx) => checkHealth(ctx.workspace().db, ctx.now()),
  'health.dismiss': (input, ctx) => dismissFinding(ctx.workspace(), ctx.now(), input),
  'health.restore': (input, ctx) => {
    restoreFinding(ctx.workspace(), input.key);
    return null;
  },
} satisfies HandlerGroup;
