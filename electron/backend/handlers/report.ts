import { ApiError } from '@shared/api/errors';
import { rememberReportOptions, reportData, reportOptions } from '../services/report';
import type { HandlerGroup } from './types';

// The PDF board report: its remembered options and its data. The PDF itself is made by
// Chromium's print engine from the renderer's report view (see renderer/src/report/).

export const reportHandlers = {
  'report.options.get': (_input, ctx) => reportOptions(ctx.workspace()),
  'report.options.set': (input, ctx) => rememberReportOptions(ctx.workspace(), input),
  'report.data': (input, ctx) => reportData(ctx.workspace().db, ctx.now(), input),

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
