import type { HandlerGroup } from './types';

export const appHandlers = {
  'app.info': (_input, ctx) => ({
    version: ctx.options.appVersion,
    mode: ctx.options.mode,
    workspacesDir: ctx.options.workspacesDir,
  }),
} satisfies HandlerGroup;
