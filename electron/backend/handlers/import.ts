import { inspectImport } from '../services/import';
import { importDefinitions } from '../transfer/import/definitions-import';
import type { HandlerGroup } from './types';

// Importing values and KPI definitions from CSV and XLSX files.

export const importHandlers = {
  'import.inspect': (input, ctx) => inspectImport(ctx, input),
  'import.start': (input, ctx) => ctx.imports.start(ctx.workspace(), input),
  'import.status': (input, ctx) => ctx.imports.status(input.jobId),
  'import.apply': (input, ctx) => ctx.imports.apply(input.jobId),
  'import.cancel': (input, ctx) => ctx.imports.cancel(input.jobId),
  'import.definitions': (input, ctx) => importDefinitions(ctx, input),
} satisfies HandlerGroup;
