import { z } from 'zod';
import { kpiCodeSchema, nameSchema } from '../api/schemas';
import {
  AGGREGATIONS,
  FREQUENCIES,
  INDICATOR_TIMINGS,
  KPI_TYPES,
  MEASURE_KINDS,
  UNIT_FORMATS,
} from '../domain/kpi';
import { MAX_FORMULA_LENGTH } from '../formula/lexer';
import { LIBRARY_DEPARTMENTS, SUGGESTED_PERSPECTIVES } from './departments';

// The shape of the KPI library (resources/library/*.json, one file per department): ready-made
// KPI definitions with what they measure and why, their formula written with other library
// codes, and where on a balanced scorecard they usually sit. Targets and owners are left out:
// they belong to the client, not to the library.

const oneOf = <const T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.enum(values, { error: `${label} must be one of: ${values.join(', ')}` });

export const libraryKpiSchema = z.strictObject({
  code: kpiCodeSchema,
  name: nameSchema,
  department: oneOf(LIBRARY_DEPARTMENTS, 'Department'),
  description: z
    .string({ error: 'Description must be text' })
    .trim()
    .min(20, {
      error: 'Description must say what the KPI measures and why (20 characters at least)',
    })
    .max(1000, { error: 'Description must be at most 1,000 characters' }),
  /** No currency: a currency KPI takes the currency new KPIs start in (Settings) when added. */
  unit: z.strictObject({
    format: oneOf(UNIT_FORMATS, 'Unit'),
    suffix: z.string({ error: 'Unit label must be text' }).trim().max(30).default(''),
  }),
  decimals: z
    .number({ error: 'Decimals must be a number' })
    .int({ error: 'Decimals must be a whole number' })
    .min(0, { error: 'Decimals must be between 0 and 6' })
    .max(6, { error: 'Decimals must be between 0 and 6' }),
  // Within-range KPIs need a target range, which is the client's to set: not in the library.
  direction: oneOf(['higher_is_better', 'lower_is_better'], 'Direction'),
  frequency: oneOf(FREQUENCIES, 'Frequency'),
  aggregation: oneOf(AGGREGATIONS, 'Aggregation'),
  /** Why the aggregation differs from the one the app proposes for this name and unit. */
  aggregationNote: z.string().trim().min(10).max(300).optional(),
  formula: z
    .string({ error: 'Formula must be text' })
    .trim()
    .min(1)
    .max(MAX_FORMULA_LENGTH)
    .optional(),
  kpiType: oneOf(KPI_TYPES, 'Type'),
  timing: oneOf(INDICATOR_TIMINGS, 'Leading or lagging'),
  measureKind: oneOf(MEASURE_KINDS, 'Measure kind'),
  perspective: oneOf(SUGGESTED_PERSPECTIVES, 'Perspective'),
});
export type LibraryKpi = z.output<typeof libraryKpiSchema>;

export const libraryFileSchema = z
  .strictObject({
    format: z.literal('kpi-scorecard-library', {
      error: 'This is not a KPI library file (format must be "kpi-scorecard-library")',
    }),
    version: z.literal(1, { error: 'This library file is from another version of the app' }),
    department: oneOf(LIBRARY_DEPARTMENTS, 'Department'),
    kpis: z.array(libraryKpiSchema).min(1, { error: 'A library file lists at least one KPI' }),
  })
  .superRefine((file, ctx) => {
    file.kpis.forEach((kpi, index) => {
      if (kpi.department !== file.department)
        ctx.addIssue({
          code: 'custom',
          path: ['kpis', index, 'department'],
          message: `"${kpi.code}" is filed under ${file.department} but says ${kpi.department}`,
        });
    });
  });
export type LibraryFile = z.output<typeof libraryFileSchema>;
