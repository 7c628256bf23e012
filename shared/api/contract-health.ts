import { z } from 'zod';
import type { HealthDismissal, HealthReport } from '../health/types';
import { method, none } from './method';

// The health check (issue 18 point 4). Merged into the one contract in contract.ts.

const findingKey = z
  .string({ error: 'Finding must be given by its key' })
  .trim()
  .min(1, { error: 'Finding key is required' })
  .max(200, { error: 'Finding key is at most 200 characters' });

export const healthContract = {
  /** Every finding of the open workspace, worst first; dismissed ones apart with their reason. */
  'health.check': method<HealthReport>()(none),
  /** Dismisses an open finding with a reason, kept in the workspace. */
  'health.dismiss': method<HealthDismissal>()(
    z.strictObject({
      key: findingKey,
      reason: z
        .string({ error: 'Reason must be text' })
        .trim()
        .min(1, { error: 'Say why this finding is dismissed' })
        .max(500, { error: 'Reason is at most 500 characters' }),
    }),
  ),
  /** Brings a dismissed finding back. */
  'health.restore': method<null>()(z.strictObject({ key: findingKey })),
} as const;
