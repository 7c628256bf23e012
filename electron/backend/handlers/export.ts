import { exportPackage, importPackage } from '../services/package';
import { exportValues } from '../transfer/export/values-export';
import type { HandlerGroup } from './types';

// Export of values and JSON packages, and import of a package.

export const exportHandlers = {
  'export.values': (input, ctx) => exportValues(ctx, input),
  'export.package': (input, ctx) => exportPackage(ctx, input),
  'package.import': (input, ctx) => importPackage(ctx, input),
} satisfies HandlerGroup;
