import { dashboard } from '../services/dashboard';
import type { HandlerGroup } from './types';

// The dashboard: what needs attention now, in one call.

export const dashboardHandlers = {
  'dashboard.get': (input, ctx) => dashboard(ctx.workspace(), ctx.now(), input),
} satisfies HandlerGroup;
