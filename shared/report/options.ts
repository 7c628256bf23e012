import { z } from 'zod';
import { idSchema } from '../api/schemas';
import {
  COMPARISONS,
  logoProblem,
  MAX_LOGO_BYTES,
  ORIENTATIONS,
  PAPER_SIZES,
} from './option-choices';

// The board report's options: what the user chose in the report dialog, remembered per
// workspace. Every field has a default, so an options record written by an older version (or
// none at all) still parses.

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, { error: `${label} must be at most ${max} characters` });

export const reportOptionsSchema = z.strictObject({
  /** Null: the first top-level scorecard. */
  scorecardId: idSchema.nullable().default(null),
  includeChildren: z
    .boolean({ error: 'Include child scorecards must be yes or no' })
    .default(false),
  frequency: z
    .enum(['month', 'quarter', 'year'], { error: 'Period must be a month, quarter or year' })
    .default('month'),
  basis: z
    .enum(['calendar', 'fiscal'], { error: 'Year basis must be calendar or fiscal' })
    .default('calendar'),
  /** A view period key (`2026-03`, `2026-Q1`, `FY2027`); null: the default period (default-period.ts). */
  period: z
    .string({ error: 'Period must be text' })
    .trim()
    .min(1, { error: 'Period is required' })
    .max(12, { error: 'Period is not a period key' })
    .nullable()
    .default(null),
  comparison: z
    .enum(COMPARISONS, { error: 'Compare with the previous period or the same period last year' })
    .default('previous_period'),
  /** Null: every perspective. */
  perspectiveIds: z.array(idSchema).max(200).nullable().default(null),
  paper: z.enum(PAPER_SIZES, { error: 'Paper must be A4 or Letter' }).default('A4'),
  orientation: z
    .enum(ORIENTATIONS, { error: 'Orientation must be portrait or landscape' })
    .default('portrait'),
  title: text('Title', 200).default('Board report'),
  author: text('Author', 200).default(''),
  confidentiality: text('Confidentiality line', 300).default(''),
  logo: z
    .string({ error: 'Logo must be an image' })
    .max(Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 40, {
      error: `The logo must be at most ${MAX_LOGO_BYTES / 1024} KB`,
    })
    .superRefine((value, ctx) => {
      const problem = logoProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .nullable()
    .default(null),
  includeKpiPages: z.boolean().default(true),
  includeComments: z.boolean().default(true),
  includeActionPlans: z.boolean().default(true),
  /** A page with the scorecard's strategy map (objectives, their status, cause → effect). */
  includeStrategyMap: z.boolean().default(true),
});

export type ReportOptions = z.output<typeof reportOptionsSchema>;
export type ReportOptionsInput = z.input<typeof reportOptionsSchema>;

export const DEFAULT_REPORT_OPTIONS: ReportOptions = reportOptionsSchema.parse({});
