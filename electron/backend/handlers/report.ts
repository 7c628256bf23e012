import { ApiError } from '@shared/api/errors';
import type { HandlerGroup } from './types';

// The PDF board report: its remembered options and its data. The PDF itself is made by
// Chromium's print engine from the renderer's report view (see renderer/src/report/). The
// report's code loads when a report is first opened, not with the app.

const report = () => import('../services/report');

export const reportHandlers = {
  'report.options.get': async (_input, ctx) => (await report()).reportOptions(ctx.workspace()),
  'report.options.set': async (input, ctx) =>
    (await report()).rememberReportOptions(ctx.workspace(), input),
  'report.data': async (input, ctx) =>
    (await report()).reportData(ctx.workspace().db, ctx.now(), input),

  // The desktop shell answers this itself (electron/main/report.ts); a host without a PDF
  // printer of its own, such as browser mode, prints from the browser instead.
  'report.savePdf': () => {
    throw new ApiError({
      code: 'UNKNOWN_METHOD',
      message:
        'Saving a PDF directly needs the desktop app; in the browser, use "Save PDF", then "Save as PDF" as the printer.',
    });
  },
} satisfies HandlerGroup;
