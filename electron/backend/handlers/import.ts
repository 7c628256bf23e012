import { basename } from 'node:path';
import { ApiError } from '@shared/api/errors';
import { importDefinitions } from '../transfer/import/definitions-import';
import type { HandlerGroup } from './types';

// Importing values from CSV and XLSX files: a first look, a background dry run, then one
// all-or-nothing write.

const PREVIEW_ROWS = 40;

export const importHandlers = {
  'import.inspect': async (input, ctx) => {
    try {
      const result = await ctx.imports.inspect({
        path: input.path,
        sheet: input.sheet,
        format: input.format,
        userLocale: input.locale,
        rowLimit: PREVIEW_ROWS,
      });
      return { fileName: basename(input.path), ...result };
    } catch (error) {
      // The worker words what is wrong with the file for the user.
      throw new ApiError({
        code: 'FILE_ERROR',
        field: 'path',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  },
  'import.start': (input, ctx) => ctx.imports.start(ctx.workspace(), input),
  'import.status': (input, ctx) => ctx.imports.status(input.jobId),
  'import.apply': (input, ctx) => ctx.imports.apply(input.jobId),
  'import.cancel': (input, ctx) => ctx.imports.cancel(input.jobId),
  'import.definitions': (input, ctx) => importDefinitions(ctx, input),
} satisfies HandlerGroup;
