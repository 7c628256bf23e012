import { evaluateScorecardRows, kpiTree } from '../services/evaluation';
import { kpiDetail } from '../services/kpi-detail';
import type { HandlerGroup } from './types';

// The scoring views: a scorecard for a period, one KPI over time, every KPI's tree.

export const scoringHandlers = {
  'scorecard.evaluate': (input, ctx) => evaluateScorecardRows(ctx.workspace().db, ctx.now(), input),
  'kpi.detail': (input, ctx) => kpiDetail(ctx.workspace(), ctx.now(), input),
  'kpi.tree': (input, ctx) => kpiTree(ctx.workspace().db, input),
} satisfies HandlerGroup;
