import { z } from 'zod';
import {
  AGGREGATIONS,
  DIRECTIONS,
  FREQUENCIES,
  INDICATOR_TIMINGS,
  KPI_TYPES,
  MEASURE_KINDS,
  ROLLUPS,
} from '../domain/kpi';
import { isWithinValueLimit, VALUE_LIMIT_TEXT } from '../domain/value-limit';
import {
  checkKpiDefinition,
  fiscalMonthSchema,
  idSchema,
  kpiCodeSchema,
  nameSchema,
  targetPlanSchema,
  thresholdsSchema,
  unitSchema,
} from '../api/schemas';
import { ACTION_PLAN_STATUSES } from '../report/action-plan-status';

// The JSON package: a whole workspace, or one scorecard with the scorecards below it, as plain
// data another copy of the app imports. Published as resources/schema/kpis-package-2.schema.json
// (written from this file by `z.toJSONSchema`; a unit test fails when it is stale; the format 1
// schema stays beside it as it was published).
//
// Versioning: `formatVersion` is the major version. A reader refuses a higher one (it cannot
// know what it would drop) and reads every lower one. Format 2 added the strategy map (links
// between objectives, dragged map positions); a format 1 package is read as a workspace with
// no links, and one that has a format 2 section anyway is refused. Sections that not every
// workspace has (action plans, reminder settings, the map) are optional, so a package without
// them stays valid. Every object
// is strict: an unknown field is refused rather than silently lost.
//
// Records keep their UUIDv7 ids (ARCHITECTURE.md): a package moved to another machine is the
// same data, and a later sync can recognise it. Values keep who entered them and when.

export const PACKAGE_FORMAT = 'kpi-scorecard-package';
export const PACKAGE_FORMAT_VERSION = 2;
/** Sections a format 1 package cannot have. */
const FORMAT_2_SECTIONS = ['objectiveLinks', 'mapPositions'] as const;
/** Larger files are refused before they are read. */
export const MAX_PACKAGE_BYTES = 200 * 1024 * 1024;

const MAX_TEXT = 10_000;
const text = (label: string) =>
  z
    .string({ error: `${label} must be text` })
    .max(MAX_TEXT, { error: `${label} must be at most ${MAX_TEXT} characters` });
const finite = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .refine(Number.isFinite, { error: `${label} must be a finite number` })
    .refine(isWithinValueLimit, { error: `${label} must be ${VALUE_LIMIT_TEXT}` });
const nullableNumber = (label: string) => finite(label).nullable();
const weight = finite('Weight').refine((w) => w >= 0 && w <= 1000, {
  error: 'Weight must be between 0 and 1000',
});
const position = z
  .number({ error: 'Position must be a number' })
  .int({ error: 'Position must be a whole number' });
const choice = <const T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.enum(values, { error: `${label} must be one of: ${values.join(', ')}` });
const timestamp = z.iso.datetime({ offset: true, error: 'Must be a date and time (ISO 8601)' });
const periodKey = z
  .string({ error: 'Period must be text' })
  .min(4, { error: 'Period is not a period key' })
  .max(10, { error: 'Period is not a period key' });

export const packageScorecardSchema = z.strictObject({
  id: idSchema,
  parentId: idSchema.nullable(),
  name: nameSchema,
  description: text('Description'),
  position,
});

export const packagePerspectiveSchema = z.strictObject({
  id: idSchema,
  scorecardId: idSchema,
  name: nameSchema,
  weight,
  position,
});

export const packageObjectiveSchema = z.strictObject({
  id: idSchema,
  perspectiveId: idSchema,
  name: nameSchema,
  description: text('Description'),
  weight,
  position,
});

/** A KPI as stored: every definition field is present (no defaults), so nothing is guessed. */
export const packageKpiSchema = z
  .strictObject({
    id: idSchema,
    objectiveId: idSchema,
    parentKpiId: idSchema.nullable(),
    position,
    name: nameSchema,
    code: kpiCodeSchema,
    description: text('Description'),
    unit: unitSchema,
    decimals: z
      .number({ error: 'Decimals must be a number' })
      .int({ error: 'Decimals must be a whole number' })
      .min(0, { error: 'Decimals must be between 0 and 6' })
      .max(6, { error: 'Decimals must be between 0 and 6' }),
    direction: choice(DIRECTIONS, 'Direction'),
    frequency: choice(FREQUENCIES, 'Frequency'),
    aggregation: choice(AGGREGATIONS, 'Aggregation'),
    target: nullableNumber('Target'),
    targetMin: nullableNumber('Lowest target'),
    targetMax: nullableNumber('Highest target'),
    baseline: nullableNumber('Baseline'),
    stretchTarget: nullableNumber('Stretch target'),
    thresholds: thresholdsSchema,
    owner: text('Owner').max(200, { error: 'Owner must be at most 200 characters' }),
    dataSource: text('Data source').max(200, {
      error: 'Data source must be at most 200 characters',
    }),
    kpiType: choice(KPI_TYPES, 'Type'),
    timing: choice(INDICATOR_TIMINGS, 'Leading or lagging'),
    measureKind: choice(MEASURE_KINDS, 'Measure kind'),
    weight,
    rollup: choice(ROLLUPS, 'Roll-up'),
    formula: z
      .string({ error: 'Formula must be text' })
      .min(1, { error: 'Formula must not be empty (use null)' })
      .max(2000, { error: 'Formula must be at most 2000 characters' })
      .nullable(),
    targetPlan: targetPlanSchema.nullable(),
  })
  .superRefine(checkKpiDefinition);

export const packageValueSchema = z.strictObject({
  kpiId: idSchema,
  period: periodKey,
  value: finite('Value'),
  comment: text('Comment'),
  enteredBy: text('Entered by').max(200, { error: 'Entered by must be at most 200 characters' }),
  enteredAt: timestamp,
});

/** Optional section: what is being done about an off-track KPI or objective (schema v3). */
export const packageActionPlanSchema = z
  .strictObject({
    id: idSchema,
    kpiId: idSchema.nullable(),
    objectiveId: idSchema.nullable(),
    title: nameSchema,
    owner: text('Owner').max(200, { error: 'Owner must be at most 200 characters' }),
    dueDate: z.iso.date({ error: 'Due date must be a date (YYYY-MM-DD)' }).nullable(),
    status: choice(ACTION_PLAN_STATUSES, 'Status'),
    notes: text('Notes'),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .refine((plan) => (plan.kpiId === null) !== (plan.objectiveId === null), {
    error: 'An action plan belongs to exactly one KPI or one objective',
    path: ['kpiId'],
  });

const timeOfDay = z
  .string({ error: 'Time of day must be text' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Time of day must be HH:MM (24-hour clock)' });
const graceDays = z
  .number({ error: 'Grace days must be a number' })
  .int({ error: 'Grace days must be a whole number' })
  .min(0, { error: 'Grace days must be 0 to 90' })
  .max(90, { error: 'Grace days must be 0 to 90' });

/**
 * Optional section: reminder settings (schema v4). They belong to the workspace — a client's
 * copy should remind the same way — so they travel with it. `defaults: null` means the app's
 * defaults were never changed.
 */
export const packageReminderSettingsSchema = z.strictObject({
  defaults: z.strictObject({ dataDueEnabled: z.boolean(), graceDays, timeOfDay }).nullable(),
  kpiOverrides: z.array(
    z.strictObject({
      kpiId: idSchema,
      mode: choice(['off', 'custom'], 'Reminder mode'),
      graceDays: graceDays.nullable(),
      timeOfDay: timeOfDay.nullable(),
    }),
  ),
  reviewSchedules: z.array(
    z.strictObject({
      scorecardId: idSchema,
      cadence: choice(['monthly', 'quarterly', 'custom'], 'Review cadence'),
      intervalWeeks: z
        .number({ error: 'Interval must be a number of weeks' })
        .int({ error: 'Interval must be a whole number of weeks' })
        .min(1, { error: 'Interval must be 1 to 52 weeks' })
        .max(52, { error: 'Interval must be 1 to 52 weeks' }),
      startDate: z.iso.date({ error: 'Start date must be a date (YYYY-MM-DD)' }),
      timeOfDay,
      leadDays: z
        .number({ error: 'Lead days must be a number' })
        .int({ error: 'Lead days must be a whole number' })
        .min(0, { error: 'Lead days must be 0 to 30' })
        .max(30, { error: 'Lead days must be 0 to 30' }),
      prepare: text('What to prepare').max(2000, {
        error: 'What to prepare must be at most 2000 characters',
      }),
    }),
  ),
});

/** Optional section (format 2): cause → effect between two objectives of the package. */
export const packageObjectiveLinkSchema = z.strictObject({
  id: idSchema,
  fromObjectiveId: idSchema,
  toObjectiveId: idSchema,
  label: text('Label').max(200, { error: 'Label must be at most 200 characters' }),
  createdAt: timestamp,
});

const coordinate = (axis: string) =>
  finite(axis).refine((n) => Math.abs(n) <= 1e6, { error: `${axis} must be within ±1,000,000` });

/** Optional section (format 2): where objectives were dragged on a scorecard's map. */
export const packageMapPositionSchema = z.strictObject({
  scorecardId: idSchema,
  objectiveId: idSchema,
  x: coordinate('x'),
  y: coordinate('y'),
});

export const packageScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('workspace') }),
  z.strictObject({ kind: z.literal('scorecard'), scorecardId: idSchema }),
]);

export const kpiPackageSchema = z
  .strictObject({
    format: z.literal(PACKAGE_FORMAT, { error: `format must be "${PACKAGE_FORMAT}"` }),
    formatVersion: z.literal([1, PACKAGE_FORMAT_VERSION], {
      error: `formatVersion must be 1 or ${PACKAGE_FORMAT_VERSION}`,
    }),
    /** When the package was written; the only field that differs between two exports of the same data. */
    exportedAt: timestamp,
    /** The app that wrote it, e.g. "KPI Scorecard 0.1.0" (for people; not read on import). */
    generator: text('Generator').max(200),
    scope: packageScopeSchema,
    workspace: z.strictObject({ name: nameSchema, fiscalYearStartMonth: fiscalMonthSchema }),
    scorecards: z.array(packageScorecardSchema),
    perspectives: z.array(packagePerspectiveSchema),
    objectives: z.array(packageObjectiveSchema),
    kpis: z.array(packageKpiSchema),
    /** Each value with its comment, who entered it and when. */
    values: z.array(packageValueSchema),
    actionPlans: z.array(packageActionPlanSchema).optional(),
    reminderSettings: packageReminderSettingsSchema.optional(),
    objectiveLinks: z.array(packageObjectiveLinkSchema).optional(),
    mapPositions: z.array(packageMapPositionSchema).optional(),
  })
  .superRefine((pkg, ctx) => {
    if (pkg.formatVersion !== 1) return;
    for (const section of FORMAT_2_SECTIONS)
      if (pkg[section] !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [section],
          message: `${section} is a section of package format 2, but this package says it is format 1`,
        });
  });

export type KpiPackage = z.output<typeof kpiPackageSchema>;
export type PackageKpi = z.output<typeof packageKpiSchema>;
export type PackageActionPlan = z.output<typeof packageActionPlanSchema>;
export type PackageReminderSettings = z.output<typeof packageReminderSettingsSchema>;
export type PackageObjectiveLink = z.output<typeof packageObjectiveLinkSchema>;

/** The published JSON Schema of format 2 (resources/schema/kpis-package-2.schema.json). */
export function packageJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(kpiPackageSchema, { target: 'draft-2020-12', io: 'input' }),
    $id: 'https://kpi-scorecard.app/schema/kpis-package-2.schema.json',
    title: 'KPI Scorecard package, format 2 (reads format 1)',
  };
}
