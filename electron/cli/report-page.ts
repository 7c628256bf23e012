import type { ApiResult } from '@shared/api/errors';
import type { ReportOptions } from '@shared/report/options';
import {
  REPORT_FAILED_TITLE,
  REPORT_PRINT_QUERY,
  REPORT_READY_TITLE,
} from '@shared/report/print-route';
import { startBrowserHost, type BrowserHost } from '../server/host';
import type { Backend } from '../backend/platform';
import type { CliContext } from './context';
import { problem } from './errors';

// The board report as the app makes it: browser mode's host on 127.0.0.1 (any free port, a
// fresh token) serves the app's own report view (`?print-report`, renderer ReportPrintView),
// which asks `report.options.get` for its options. That one call is answered with the
// command's options, so the user's remembered options in the workspace are neither used nor
// changed; every other call goes to the backend as usual. Chromium prints the page once its
// title says the report is laid out.

export async function printReport(
  ctx: CliContext,
  backend: Backend,
  options: ReportOptions,
  outPath: string,
  chromiumPath: string | null,
): Promise<void> {
  let host: BrowserHost;
  try {
    host = await startBrowserHost({
      backend: {
        dispatch: (method, params): Promise<ApiResult<unknown>> =>
          method === 'report.options.get'
            ? Promise.resolve({ ok: true, data: options })
            : backend.dispatch(method, params),
        subscribe: (listener) => backend.subscribe(listener),
      },
      rendererDir: ctx.rendererDir,
      port: 0,
      log: (message, error) => {
        ctx.stderr.write(`${message} ${error instanceof Error ? error.message : ''}\n`);
      },
    });
  } catch (error) {
    throw problem(error instanceof Error ? error.message : String(error));
  }
  try {
    await ctx.printPdf({
      url: `${host.origin}/${REPORT_PRINT_QUERY}#token=${host.token}`,
      outPath,
      chromiumPath,
      locale: ctx.locale,
      readyTitle: REPORT_READY_TITLE,
      failedTitle: REPORT_FAILED_TITLE,
    });
  } finally {
    await host.close();
  }
}
