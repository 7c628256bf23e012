import { z } from 'zod';
import { idSchema } from '../api/schemas';

// The board report's options: what the user chose in the report dialog, remembered per
// workspace. Every field has a default, so an options record written by an older version (or
// none at all) still parses.

export const PAPER_SIZES = ['A4', 'Letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];
export const ORIENTATIONS = ['portrait', 'landscape'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];
export const COMPARISONS = ['previous_period', 'same_period_last_year'] as const;
export type Comparison = (typeof COMPARISONS)[number];

export const COMPARISON_LABELS: Record<Comparison, string> = {
  previous_period: 'Previous period',
  same_period_last_year: 'Same period last year',
};

/** A logo is stored inside the workspace file, so keep it small. */
export const MAX_LOGO_BYTES = 512 * 1024;

const LOGO_PREFIX = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/]+={0,2})$/;

/**
 * Why a data URL is not a usable logo, or null when it is: a PNG or JPEG (by its first bytes,
 * not only by what the URL claims), at most MAX_LOGO_BYTES.
 */
export function logoProblem(dataUrl: string): string | null {
  const match = LOGO_PREFIX.exec(dataUrl);
  if (!match) return 'The logo must be a PNG or JPEG image';
  const base64 = match[2] ?? '';
  const bytes = Math.floor((base64.length * 3) / 4) - (base64.match(/=+$/)?.[0].length ?? 0);
  if (bytes > MAX_LOGO_BYTES)
    return `The logo is ${Math.ceil(bytes / 1024)} KB; use an image of at most ${MAX_LOGO_BYTES / 1024} KB`;
  const head = atob(base64.slice(0, 12));
  const code = (index: number) => head.charCodeAt(index);
  const isPng = code(0) === 0x89 && head.slice(1, 4) === 'PNG';
  const isJpeg = code(0) === 0xff && code(1) === 0xd8 && code(2) === 0xff;
  if (match[1] === 'png' ? !isPng : !isJpeg)
    return 'The logo file is not a valid PNG or JPEG image';
  return null;
}

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
