import type { HandlerGroup } from './types';

// Export of values and JSON packages, and import of a package. Their code loads on first use,
// not with the app (issue 19: a fast start).

export const exportHandlers = {
  'export.values': async (input, ctx) =>
    (await import('../transfer/export/values-export')).exportValues(ctx, input),
  'export.package': async (input, ctx) =>
    (await import('../services/package')).exportPackage(ctx, input),
  'package.import': async (input, ctx) =>
    (await import('../services/package')).importPackage(ctx, input),
} satisfies HandlerGroup;
