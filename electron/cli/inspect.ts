import { basename } from 'node:path';
import type { ImportPreview } from '@shared/transfer/import-status';
import type { CliContext } from './context';
import { ApiFailure, fromApiFailure, usageError } from './errors';
import type { Session } from './session';

// The first look at a data file (import.inspect), as the wizard takes it; a --sheet the
// workbook does not have is bad usage, answered with the sheets it does have.

export async function inspectData(
  ctx: CliContext,
  session: Session,
  path: string,
  sheet: string | undefined,
): Promise<ImportPreview> {
  try {
    return await session.call('import.inspect', {
      path,
      ...(sheet === undefined ? {} : { sheet }),
      locale: ctx.locale,
    });
  } catch (error) {
    if (!(error instanceof ApiFailure)) throw error;
    if (sheet !== undefined) {
      const sheets = await session
        .call('import.inspect', { path, locale: ctx.locale })
        .then((preview) => preview.sheets)
        .catch(() => null);
      if (sheets !== null && !sheets.includes(sheet))
        throw usageError(
          `${basename(path)} has no sheet "${sheet}". Its sheets: ${sheets.map((name) => `"${name}"`).join(', ')}.`,
        );
    }
    throw fromApiFailure(error);
  }
}
