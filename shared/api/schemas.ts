import { z } from 'zod';
import {
  AGGREGATIONS,
  DIRECTIONS,
  FREQUENCIES,
  INDICATOR_TIMINGS,
  KPI_TYPES,
  MEASURE_KINDS,
  ROLLUPS,
  THRESHOLD_MODES,
  UNIT_FORMATS,
} from '../domain/kpi';
import { thresholdOrderProblem } from '../domain/status';
import { isWithinValueLimit, VALUE_LIMIT_TEXT } from '../domain/value-limit';
import { MAX_FORMULA_LENGTH } from '../formula/lexer';
import { targetPlanProblem } from '../scoring/targets';

// Input schemas for the API. Messages are written for the person filling the form: they say
// what is wrong with the named field, not what the type system expected.

const MAX_NAME = 200;
const MAX_TEXT = 10_000;

export const idSchema = z.uuid({ error: 'Must be an id of a record in this workspace' });

export const nameSchema = z
  .string({ error: 'Name must be text' })
  .trim()
  .min(1, { error: 'Name is required' })
  .max(MAX_NAME, { error: `Name must be at most ${MAX_NAME} characters` });

const textSchema = (label: string) =>
  z
    .string({ error: `${label} must be text` })
    .max(MAX_TEXT, { error: `${label} must be at most ${MAX_TEXT} characters` });

// Targets, thresholds and values alike stay within ±1e300, so no sum, average or roll-up of
// them can overflow (shared/domain/value-limit.ts).
const numberSchema = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .refine(Number.isFinite, { error: `${label} must be a finite number` })
    .refine(isWithinValueLimit, { error: `${label} must be ${VALUE_LIMIT_TEXT}` });

const weightSchema = numberSchema('Weight').refine((w) => w >= 0 && w <= 1000, {
  error: 'Weight must be between 0 and 1000',
});

const optionalNumber = (label: string) => numberSchema(label).nullable();

const choice = <const T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.enum(values, { error: `${label} must be one of: ${values.join(', ')}` });

/** Formula identifiers: a letter, then letters, digits or underscores. */
export const kpiCodeSchema = z
  .string({ error: 'Identifier must be text' })
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,62}$/, {
    error:
      'Identifier must start with a lowercase letter and use only lowercase letters, digits and _ (at most 63)',
  });

export const unitSchema = z.strictObject({
  format: choice(UNIT_FORMATS, 'Unit'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { error: 'Currency must be a three-letter ISO code such as EUR' })
    .nullable()
    .default(null),
  suffix: z
    .string({ error: 'Unit label must be text' })
    .trim()
    .max(30, { error: 'Unit label must be at most 30 characters' })
    .default(''),
});

export const thresholdsSchema = z.strictObject({
  mode: choice(THRESHOLD_MODES, 'Threshold mode'),
  onTrack: numberSchema('The "on track" threshold'),
  atRisk: numberSchema('The "at risk" threshold'),
});

const periodKeyText = z
  .string({ error: 'Period must be text' })
  .trim()
  .min(1, { error: 'Period is required' })
  .max(10, { error: 'Period is not a period key' });

export const targetPlanSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('constant'), value: numberSchema('Target') }),
    z.strictObject({
      kind: z.literal('steps'),
      steps: z
        .array(z.strictObject({ from: periodKeyText, value: numberSchema('Target') }))
        .max(1000, { error: 'At most 1,000 steps' }),
    }),
    z.strictObject({
      kind: z.literal('trajectory'),
      baselinePeriod: periodKeyText,
      baseline: numberSchema('Baseline'),
      goalPeriod: periodKeyText,
      goal: numberSchema('Goal'),
    }),
  ],
  { error: 'Target plan must be constant, steps or trajectory' },
);

/** The fields of a KPI definition, each with its default. Unrefined, so it can be made partial. */
export const kpiDefinitionFields = z.strictObject({
  name: nameSchema,
  code: kpiCodeSchema.optional(),
  description: textSchema('Description').default(''),
  unit: unitSchema.default({ format: 'number', currency: null, suffix: '' }),
  decimals: z
    .number({ error: 'Decimals must be a number' })
    .int({ error: 'Decimals must be a whole number' })
    .min(0, { error: 'Decimals must be between 0 and 6' })
    .max(6, { error: 'Decimals must be between 0 and 6' })
    .default(0),
  direction: choice(DIRECTIONS, 'Direction').default('higher_is_better'),
  frequency: choice(FREQUENCIES, 'Frequency').default('monthly'),
  /** Left out, it follows what the KPI measures (defaultAggregation), filled in on create. */
  aggregation: choice(AGGREGATIONS, 'Aggregation').optional(),
  target: optionalNumber('Target').default(null),
  targetMin: optionalNumber('Lowest target').default(null),
  targetMax: optionalNumber('Highest target').default(null),
  baseline: optionalNumber('Baseline').default(null),
  stretchTarget: optionalNumber('Stretch target').default(null),
  thresholds: thresholdsSchema.optional(),
  owner: textSchema('Owner').trim().max(MAX_NAME).default(''),
  dataSource: textSchema('Data source').trim().max(MAX_NAME).default(''),
  kpiType: choice(KPI_TYPES, 'Type').default('operational'),
  timing: choice(INDICATOR_TIMINGS, 'Leading or lagging').default('lagging'),
  measureKind: choice(MEASURE_KINDS, 'Measure kind').default('outcome'),
  weight: weightSchema.default(1),
  rollup: choice(ROLLUPS, 'Roll-up').default('manual'),
  formula: z
    .string({ error: 'Formula must be text' })
    .trim()
    .max(MAX_FORMULA_LENGTH, { error: `Formula must be at most ${MAX_FORMULA_LENGTH} characters` })
    .transform((text) => (text === '' ? null : text))
    .nullable()
    .default(null),
  targetPlan: targetPlanSchema.nullable().default(null),
});

type KpiFieldsOut = z.output<typeof kpiDefinitionFields>;

/** Cross-field rules of a KPI definition; each issue names the field to fix. */
export function checkKpiDefinition(kpi: KpiFieldsOut, ctx: z.RefinementCtx): void {
  if (kpi.thresholds) {
    const problem = thresholdOrderProblem(kpi.direction, kpi.thresholds);
    if (problem) ctx.addIssue({ code: 'custom', path: ['thresholds', 'atRisk'], message: problem });
  }
  if (kpi.direction === 'within_range') {
    if (kpi.targetMin === null)
      ctx.addIssue({
        code: 'custom',
        path: ['targetMin'],
        message: 'A within-range KPI needs the lowest value of its target range',
      });
    if (kpi.targetMax === null)
      ctx.addIssue({
        code: 'custom',
        path: ['targetMax'],
        message: 'A within-range KPI needs the highest value of its target range',
      });
    if (kpi.targetMin !== null && kpi.targetMax !== null && kpi.targetMin > kpi.targetMax)
      ctx.addIssue({
        code: 'custom',
        path: ['targetMax'],
        message: 'The highest target must not be below the lowest target',
      });
  }
  if (kpi.formula !== null && kpi.rollup !== 'manual')
    ctx.addIssue({
      code: 'custom',
      path: ['rollup'],
      message: 'A calculated KPI takes its value from its formula, not from child KPIs',
    });
  if (kpi.targetPlan) {
    const problem = targetPlanProblem(kpi.targetPlan, kpi.frequency);
    if (problem)
      ctx.addIssue({
        code: 'custom',
        path: ['targetPlan', ...problem.field.split('.')],
        message: problem.message,
      });
  }
  if (kpi.unit.format === 'currency' && kpi.unit.currency === null)
    ctx.addIssue({
      code: 'custom',
      path: ['unit', 'currency'],
      message: 'A currency KPI needs its currency (e.g. EUR)',
    });
}

export const kpiDefinitionSchema = kpiDefinitionFields.superRefine(checkKpiDefinition);
export type KpiDefinitionInput = z.input<typeof kpiDefinitionFields>;

type FieldShape = typeof kpiDefinitionFields.shape;
type PatchShape = {
  [K in keyof FieldShape]: z.ZodOptional<
    FieldShape[K] extends z.ZodDefault<infer Inner> ? Inner : FieldShape[K]
  >;
};

/**
 * A KPI patch: every field optional and **without** defaults — zod's `.partial()` keeps them,
 * which would turn "change the name" into "reset every other field".
 */
export const kpiPatchSchema = z.strictObject(
  Object.fromEntries(
    Object.entries(kpiDefinitionFields.shape).map(([key, field]) => [
      key,
      (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field).optional(),
    ]),
  ) as PatchShape,
);

const periodSchema = z
  .string({ error: 'Period must be text' })
  .trim()
  .min(1, { error: 'Period is required' })
  .max(10, { error: 'Period is not a period key' });

const commentSchema = textSchema('Comment').trim();

export const valueEntrySchema = z.strictObject({
  kpiId: idSchema,
  period: periodSchema,
  value: numberSchema('Value'),
  comment: commentSchema.optional(),
});

export const filePathSchema = z
  .string({ error: 'File path must be text' })
  .trim()
  .min(1, { error: 'File path is required' })
  .max(4096, { error: 'File path is too long' })
  .refine((path) => !path.includes('\0'), { error: 'File path contains a NUL character' });

export const fiscalMonthSchema = z
  .number({ error: 'Fiscal year start must be a month number' })
  .int({ error: 'Fiscal year start must be a month number' })
  .min(1, { error: 'Fiscal year start must be a month from 1 to 12' })
  .max(12, { error: 'Fiscal year start must be a month from 1 to 12' });

/** A scoring view: month, quarter or year, on the calendar or the fiscal year. */
export const viewSpecInput = z
  .strictObject({
    frequency: z.enum(['month', 'quarter', 'year'], {
      error: 'View must be by month, quarter or year',
    }),
    basis: z
      .enum(['calendar', 'fiscal'], { error: 'Year basis must be calendar or fiscal' })
      .default('calendar'),
  })
  .default({ frequency: 'month', basis: 'calendar' });
/** A view period key (`2026-03`, `2026-Q1`, `FY2027`). */
export const bucketSchema = z
  .string({ error: 'Period must be text' })
  .trim()
  .min(1, { error: 'Period is required' })
  .max(12, { error: 'Period is not a period key' });

export { weightSchema, periodSchema, commentSchema };
