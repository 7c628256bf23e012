import { z } from 'zod';
import type { Dashboard } from '../dashboard/types';
import { timeZoneSchema } from '../reminders/api';
import { bucketSchema, idSchema, viewSpecInput } from './schemas';
import { method } from './method';

// The dashboard (issue 17 point 5). Merged into the one contract in contract.ts.

export const dashboardContract = {
  /**
   * What needs attention in a scorecard for one view period (without `period`: the one the
   * scorecard view opens on): counts by status, off-track and at-risk KPIs, the biggest movers,
   * values due or overdue in the caller's time zone, action plans due, the health count.
   */
  'dashboard.get': method<Dashboard>()(
    z.strictObject({
      scorecardId: idSchema,
      view: viewSpecInput,
      period: bucketSchema.optional(),
      timeZone: timeZoneSchema,
    }),
  ),
} as const;
