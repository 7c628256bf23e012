import { z } from 'zod';
import { FREQUENCIES } from '../domain/kpi';
import type {
  DefinitionImportResult,
  ImportJobStatus,
  ImportPreview,
} from '../transfer/import-status';
import { method } from './method';
import { filePathSchema, idSchema } from './schemas';

// Import and export: spreadsheets in and out, JSON packages.
// Merged into the one contract in contract.ts.

const column = z
  .number({ error: 'A column must be a number' })
  .int({ error: 'A column must be a whole number' })
  .min(0, { error: 'A column must be 0 or more' })
  .max(16_383, { error: 'A spreadsheet has at most 16,384 columns' });
const headerLine = z
  .number({ error: 'The header line must be a number' })
  .int({ error: 'The header line must be a whole number' })
  .min(1, { error: 'The header line must be 1 or more' })
  .max(1_000_000, { error: 'The header line must be within the first million lines' });

const mappingSchema = z.discriminatedUnion(
  'layout',
  [
    z.strictObject({
      layout: z.literal('long'),
      headerLine,
      kpiColumn: column,
      periodColumn: column,
      valueColumn: column,
      commentColumn: column.nullable(),
    }),
    z.strictObject({
      layout: z.literal('wide'),
      headerLine,
      kpiColumn: column,
      periodColumns: z
        .array(column)
        .min(1, { error: 'Choose at least one period column' })
        .max(16_384),
    }),
  ],
  { error: 'The layout must be long or wide' },
);

const formatSchema = z.strictObject({
  encoding: z.enum(['utf-8', 'utf-16le', 'windows-1252'], {
    error: 'The encoding must be UTF-8, UTF-16 or Windows-1252',
  }),
  delimiter: z.enum([',', ';', '\t', '|'], {
    error: 'The separator must be a comma, semicolon, tab or bar',
  }),
});

const localeSchema = z
  .string({ error: 'The locale must be text' })
  .max(35)
  .refine(
    (tag) => {
      try {
        return Intl.getCanonicalLocales(tag).length === 1;
      } catch {
        return false;
      }
    },
    { error: 'The locale is not a language tag like en-GB' },
  );

const jobId = z.strictObject({ jobId: idSchema });

/** The choices of an import, all but its file: shared by `import.start` and `import.restart`. */
const importChoices = {
  sheet: z.string().max(200).nullable(),
  format: formatSchema.nullable(),
  mapping: mappingSchema,
  numberLocale: localeSchema,
  dayFirst: z.boolean({ error: 'Day first must be true or false' }),
  unknownKpis: z.discriminatedUnion(
    'action',
    [
      z.strictObject({ action: z.literal('skip') }),
      z.strictObject({
        action: z.literal('create'),
        objectiveId: idSchema,
        frequency: z.enum(FREQUENCIES, { error: 'Choose a frequency for new KPIs' }),
      }),
    ],
    { error: 'Unknown KPIs must be skipped or created' },
  ),
  /** Percent KPIs whose values the file writes as fractions (0.915 read as 91.5 %). */
  fractionsAsPercent: z.array(idSchema).max(10_000, { error: 'At most 10,000 KPIs' }).default([]),
};

/** Each column of the mapping serves one purpose. */
function distinctColumns(
  input: { mapping: z.infer<typeof mappingSchema> },
  ctx: z.RefinementCtx,
): void {
  const { mapping } = input;
  const used =
    mapping.layout === 'long'
      ? [mapping.kpiColumn, mapping.periodColumn, mapping.valueColumn, mapping.commentColumn]
      : [mapping.kpiColumn, ...mapping.periodColumns];
  const columns = used.filter((c): c is number => c !== null);
  if (new Set(columns).size !== columns.length)
    ctx.addIssue({
      code: 'custom',
      path: ['mapping'],
      message: 'Each column can be used for one thing only',
    });
}

export const transferContract = {
  /** A first look at a CSV or XLSX file: its sheets, first rows and a guess at its layout. */
  'import.inspect': method<ImportPreview>()(
    z.strictObject({
      path: filePathSchema,
      sheet: z.string().max(200).optional(),
      format: formatSchema.optional(),
      locale: localeSchema,
    }),
  ),
  /** Reads the whole file in the background and stages a dry run; nothing is written yet. */
  'import.start': method<ImportJobStatus>()(
    z.strictObject({ path: filePathSchema, ...importChoices }).superRefine(distinctColumns),
  ),
  /**
   * The dry run again from the same file with other choices (a Percent KPI's fractions read as
   * percentages): the job is rolled back and a new one starts, the file kept for it.
   */
  'import.restart': method<ImportJobStatus>()(
    z.strictObject({ jobId: idSchema, ...importChoices }).superRefine(distinctColumns),
  ),
  'import.status': method<ImportJobStatus>()(jobId),
  /** Writes the staged values in one transaction: all of them, or (on cancel or error) none. */
  'import.apply': method<ImportJobStatus>()(jobId),
  'import.cancel': method<ImportJobStatus>()(jobId),
  /**
   * KPI definitions from a spreadsheet into a scorecard (perspectives and objectives made by
   * name when missing). `apply: false` is the dry run; `true` writes, in one transaction.
   */
  'import.definitions': method<DefinitionImportResult>()(
    z.strictObject({
      path: filePathSchema,
      sheet: z.string().max(200).nullable(),
      format: formatSchema.nullable(),
      headerLine,
      columns: z.strictObject({
        name: column,
        perspective: column.nullable().optional(),
        objective: column.nullable().optional(),
        unit: column.nullable().optional(),
        direction: column.nullable().optional(),
        frequency: column.nullable().optional(),
        target: column.nullable().optional(),
        owner: column.nullable().optional(),
        supports: column.nullable().optional(),
      }),
      numberLocale: localeSchema,
      scorecardId: idSchema,
      apply: z.boolean({ error: 'Apply must be true or false' }),
    }),
  ),
} as const;
