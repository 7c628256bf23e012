import { basename } from 'node:path';
import { ApiError } from '@shared/api/errors';
import type { MethodInput, MethodOutput } from '@shared/api/contract';
import type { HandlerContext } from '../context';

// Importing values from CSV and XLSX files: a first look, a background dry run, then one
// all-or-nothing write (transfer/import/import-jobs.ts runs them on the worker thread).

const PREVIEW_ROWS = 40;

export async function inspectImport(
  ctx: HandlerContext,
  input: MethodInput<'import.inspect'>,
): Promise<MethodOutput<'import.inspect'>> {
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
}
