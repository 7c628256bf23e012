import type { HandlerGroup } from './types';

// Importing values and KPI definitions from CSV and XLSX files. The import code loads on the
// first import, not with the app (issue 19: a fast start).

export const importHandlers = {
  'import.inspect': async (input, ctx) =>
    (await import('../services/import')).inspectImport(ctx, input),
  'import.start': (input, ctx) => ctx.imports.start(ctx.workspace(), input),
  'import.restart': ({ jobId, ...choices }, ctx) => ctx.imports.restart(jobId, choices),
  'import.status': (input, ctx) => ctx.imports.status(input.jobId),
  'import.apply': (input, ctx) => ctx.imports.apply(input.jobId),
  'import.cancel': (input, ctx) => ctx.imports.cancel(input.jobId),
  'import.definitions': async (input, ctx) =>
    (await import('../transfer/import/definitions-import')).importDefinitions(ctx, input),
} satisfies HandlerGroup;
