import {
  createLink,
  allLinks,
  keepPositions,
  relabelLink,
  removeLink,
  resetPositions,
  strategyMap,
} from '../services/strategy-map';
import type { HandlerGroup } from './types';

// Links between objectives and the strategy map.

export const strategyMapHandlers = {
  'link.list': (_input, ctx) => allLinks(ctx.workspace().db),
  'link.create': (input, ctx) => createLink(ctx.workspace(), ctx.now(), input),
  'link.update': (input, ctx) => relabelLink(ctx.workspace(), input),
  'link.delete': (input, ctx) => {
    removeLink(ctx.workspace(), input.id);
    return null;
  },
  'strategyMap.get': (input, ctx) => strategyMap(ctx.workspace().db, ctx.now(), input),
  'strategyMap.setPositions': (input, ctx) => keepPositions(ctx.workspace(), input),
  'strategyMap.resetPositions': (input, ctx) => {
    resetPositions(ctx.workspace(), input.scorecardId);
    return null;
  },
} satisfies HandlerGroup;
