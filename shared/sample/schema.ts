import { z } from 'zod';
import { fiscalMonthSchema, kpiDefinitionFields, nameSchema } from '../api/schemas';

// The shape of resources/sample/sample-workspace.json: a whole workspace as plain data, from
// which the backend builds a fresh workspace file each time the sample is opened.

const valuesSchema = z.record(z.string(), z.number().refine(Number.isFinite));

export const sampleKpiSchema = kpiDefinitionFields.extend({
  /** Required here: values and parent links refer to KPIs by code. */
  code: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/),
  /** Code of the parent KPI, if this KPI rolls up into another. */
  parent: z.string().optional(),
  /** Period key → value. */
  values: valuesSchema.default({}),
  /** Period key → comment on that value. */
  comments: z.record(z.string(), z.string()).default({}),
});

export const sampleObjectiveSchema = z.strictObject({
  name: nameSchema,
  description: z.string().default(''),
  weight: z.number().default(1),
  kpis: z.array(sampleKpiSchema),
});

export const samplePerspectiveSchema = z.strictObject({
  name: nameSchema,
  weight: z.number().default(1),
  objectives: z.array(sampleObjectiveSchema),
});

export const sampleScorecardSchema = z.strictObject({
  /** Local key, so child scorecards can name their parent. */
  key: z.string(),
  parent: z.string().nullable().default(null),
  name: nameSchema,
  description: z.string().default(''),
  perspectives: z.array(samplePerspectiveSchema),
});

/** Cause → effect between two objectives, each named as in the sample (names are unique). */
export const sampleLinkSchema = z.strictObject({
  from: nameSchema,
  to: nameSchema,
  label: z.string().max(200).default(''),
});

export const sampleWorkspaceSchema = z.strictObject({
  format: z.literal('kpi-scorecard-sample'),
  version: z.literal(1),
  workspace: z.strictObject({ name: nameSchema, fiscalYearStartMonth: fiscalMonthSchema }),
  scorecards: z.array(sampleScorecardSchema).min(1),
  /** The strategy map's links. */
  links: z.array(sampleLinkSchema).default([]),
});

export type SampleWorkspace = z.output<typeof sampleWorkspaceSchema>;
