import type { HandlerContext } from '../context';
import {
  findValues,
  removeValue,
  setComment,
  setValue,
  setValues,
  valueHistory,
  type Author,
} from '../services/value';
import type { HandlerGroup } from './types';

// Values per KPI and period, with comments and their history.

const author = (ctx: HandlerContext): Author => ({
  enteredBy: ctx.userName(),
  enteredAt: ctx.now(),
});

export const valueHandlers = {
  'value.list': (input, ctx) => findValues(ctx.workspace(), input),
  'value.set': (input, ctx) => setValue(ctx.workspace(), author(ctx), input),
  'value.setMany': (input, ctx) => setValues(ctx.workspace(), author(ctx), input),
  'value.setComment': (input, ctx) => setComment(ctx.workspace(), author(ctx), input),
  'value.delete': (input, ctx) => {
    removeValue(ctx.workspace(), author(ctx), input);
    return null;
  },
  'value.history': (input, ctx) => valueHistory(ctx.workspace(), input),
} satisfies HandlerGroup;
