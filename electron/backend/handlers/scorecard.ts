import {
  changeScorecard,
  createScorecard,
  listScorecards,
  removeScorecard,
} from '../services/scorecard';
import type { HandlerGroup } from './types';

// Scorecards: the tree of company, departments and teams.

export const scorecardHandlers = {
  'scorecard.list': (_input, ctx) => listScorecards(ctx.workspace().db),
  'scorecard.create': (input, ctx) => createScorecard(ctx.workspace(), input),
  'scorecard.update': (input, ctx) => changeScorecard(ctx.workspace(), input),
  'scorecard.delete': (input, ctx) => {
    removeScorecard(ctx.workspace(), input.id);
    return null;
  },
} satisfies HandlerGroup;
