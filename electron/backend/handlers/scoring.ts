import { kpiDetail } from './kpi-detail';
import { evaluateScorecard, kpiTree } from './evaluate';
import type { HandlerGroup } from './types';

// The scoring views: a scorecard for a period, and one KPI over time.

export const scoringHandlers = {
  'scorecard.evaluate': (input, ctx) => evaluateScorecard(ctx, input),
  'kpi.detail': (input, ctx) => kpiDetail(ctx, input),
  'kpi.tree': (input, ctx) => kpiTree(ctx, input),
} satisfies HandlerGroup;
