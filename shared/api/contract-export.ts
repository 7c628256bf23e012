import { z } from 'zod';
import type { WorkspaceInfo } from '../domain/entities';
import { method } from './method';
import { filePathSchema, idSchema } from './schemas';

// Export: values to CSV/XLSX, the workspace (or one scorecard) as a JSON package, and importing
// such a package. Merged into the one contract in contract.ts.

/**
 * Where an export goes. Desktop: a path from the native save dialog. Browser mode: the backend
 * keeps the file for a one-time download (GET /download/<id> on the browser host), because the
 * page cannot name a path on the user's disk.
 */
export const exportDestinationSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('file'), path: filePathSchema }),
    z.strictObject({ kind: z.literal('download') }),
  ],
  { error: 'Destination must be a file path or a download' },
);
export type ExportDestination = z.output<typeof exportDestinationSchema>;

export const VALUE_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ValueExportFormat = (typeof VALUE_EXPORT_FORMATS)[number];
export const VALUE_EXPORT_LAYOUTS = ['long', 'wide'] as const;
export type ValueExportLayout = (typeof VALUE_EXPORT_LAYOUTS)[number];

export interface ExportResult {
  /** The file name the user sees (the last part of the path, or the download's name). */
  fileName: string;
  /** Where the file was written (desktop), or null for a download. */
  path: string | null;
  /** The id to fetch at /download/<id> in browser mode, or null when written to a path. */
  downloadId: string | null;
  /** Data rows written (values for a spreadsheet, records for a package). */
  rows: number;
  bytes: number;
}

export interface PackageImportResult {
  workspace: WorkspaceInfo;
  scorecards: number;
  kpis: number;
  values: number;
}

const scorecardScope = idSchema.optional();

/** A period as people write it: every spelling the import reads (`Nov 2026`, `Q4 2026`). */
const periodText = z
  .string({ error: 'Period must be text' })
  .trim()
  .min(1, { error: 'Period is required' })
  .max(40, { error: 'Period is too long' });

export const exportContract = {
  /**
   * Values to a spreadsheet: long (one row per KPI and period) or wide (one row per KPI, one
   * column per period), for the workspace or one scorecard, optionally between two periods
   * (inclusive; written any way the import reads a period: 2026-01, Nov 2026, 2026-Q4, Q4 2026,
   * 31/03/2026, FY2027). Statuses come from the scoring engine.
   */
  'export.values': method<ExportResult>()(
    z.strictObject({
      format: z.enum(VALUE_EXPORT_FORMATS, { error: 'Format must be csv or xlsx' }),
      layout: z.enum(VALUE_EXPORT_LAYOUTS, { error: 'Layout must be long or wide' }),
      scorecardId: scorecardScope,
      fromPeriod: periodText.optional(),
      toPeriod: periodText.optional(),
      /** The user's locale, for month names in the period bounds ("März 2026"). */
      locale: z.string().max(35).optional(),
      destination: exportDestinationSchema,
    }),
  ),
  /** The workspace, or one scorecard with the scorecards below it, as a JSON package. */
  'export.package': method<ExportResult>()(
    z.strictObject({ scorecardId: scorecardScope, destination: exportDestinationSchema }),
  ),
  /**
   * Imports a JSON package: into a new workspace file (`into: 'new'`, which becomes the open
   * workspace), or into the open one when no id or KPI code conflicts. All of it, or nothing.
   */
  'package.import': method<PackageImportResult>()(
    z
      .strictObject({
        /** The package file to read. */
        path: filePathSchema,
        into: z.enum(['new', 'current'], { error: 'Import into must be "new" or "current"' }),
        /** For `into: 'new'`: where to write the new workspace; browser mode may leave it out. */
        workspacePath: filePathSchema.optional(),
      })
      .refine((input) => input.into === 'new' || input.workspacePath === undefined, {
        error: 'A workspace path is only for an import into a new workspace',
        path: ['workspacePath'],
      }),
  ),
} as const;
