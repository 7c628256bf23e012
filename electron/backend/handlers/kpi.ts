import {
  changeKpi,
  childKpis,
  createKpi,
  findKpis,
  kpiById,
  moveKpi,
  removeKpi,
  setKpiParent,
} from '../services/kpi';
import type { HandlerGroup } from './types';

// KPIs: definitions, their place under an objective, and parent/child links.

export const kpiHandlers = {
  'kpi.list': (input, ctx) => findKpis(ctx.workspace().db, input.scorecardId),
  'kpi.get': (input, ctx) => kpiById(ctx.workspace().db, input.id),
  'kpi.create': (input, ctx) => createKpi(ctx.workspace(), input),
  'kpi.update': (input, ctx) => changeKpi(ctx.workspace(), input),
  'kpi.move': (input, ctx) => moveKpi(ctx.workspace(), input),
  'kpi.setParent': (input, ctx) => setKpiParent(ctx.workspace(), input),
  'kpi.children': (input, ctx) => childKpis(ctx.workspace().db, input.id),
  'kpi.delete': (input, ctx) => {
    removeKpi(ctx.workspace(), input.id);
    return null;
  },
} satisfies HandlerGroup;
