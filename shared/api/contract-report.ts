import { z } from 'zod';
import type { ActionPlan } from '../domain/entities';
import {
  actionPlanCreateSchema,
  actionPlanListSchema,
  actionPlanUpdateSchema,
} from '../report/action-plans';
import type { ReportModel } from '../report/model';
import { reportOptionsSchema, type ReportOptions } from '../report/options';
import { idSchema } from './schemas';
import { method } from './method';

// The PDF board report: action plans, the report's options and its data.
// Merged into the one contract in contract.ts.

export const reportContract = {
  /** A KPI's or an objective's action plans, or every plan of the workspace; due date order. */
  'actionPlan.list': method<ActionPlan[]>()(actionPlanListSchema),
  'actionPlan.create': method<ActionPlan>()(actionPlanCreateSchema),
  'actionPlan.update': method<ActionPlan>()(actionPlanUpdateSchema),
  'actionPlan.delete': method<null>()(z.strictObject({ id: idSchema })),

  /** The options last used for a report in this workspace (defaults the first time). */
  'report.options.get': method<ReportOptions>()(z.strictObject({})),
  /** Remembers the options in the workspace file; returns them as stored. */
  'report.options.set': method<ReportOptions>()(reportOptionsSchema),
  /** Everything the report shows, for these options, in one read. */
  'report.data': method<ReportModel>()(reportOptionsSchema),
  /**
   * Desktop only: asks where to save, renders the report with the remembered options in a
   * hidden window and writes the PDF (handled by the Electron shell, electron/main/report.ts).
   * Returns the path written, or null when the user cancelled.
   */
  'report.savePdf': method<{ path: string } | null>()(
    z.strictObject({ suggestedName: z.string().max(240) }),
  ),
} as const;
