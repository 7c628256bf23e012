import { z } from 'zod';
import type { Kpi, Scorecard, WorkspaceInfo } from '../domain/entities';
import type { LibraryDepartment } from '../library/departments';
import type { LibraryKpi } from '../library/schema';
import { exportDestinationSchema, type ExportResult } from './contract-export';
import { method, none } from './method';
import { filePathSchema, idSchema, kpiCodeSchema, nameSchema } from './schemas';

// The consultant's kit: the KPI library, scorecard templates (shipped and a consultant's
// own), and template files to share. Merged into the one contract in contract.ts.

export interface LibraryCatalogue {
  departments: { key: LibraryDepartment; label: string; count: number }[];
  kpis: LibraryKpi[];
}

/** Shipped with the app, or saved by this computer's user (kept in the data folder). */
export type TemplateSource = 'builtin' | 'own';

export interface TemplateSummary {
  /** "builtin:saas" or "own:<file stem>". */
  id: string;
  source: TemplateSource;
  kind: 'scorecard' | 'kpi';
  name: string;
  description: string;
  /** For a scorecard: its perspectives' names; for a KPI: the KPI and its inputs' names. */
  outline: string[];
  objectives: number;
  kpis: number;
}

/** What happens to a formula input of an added KPI that the workspace does not have. */
export const inputChoiceSchema = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ action: z.literal('add') }),
    z.strictObject({ action: z.literal('bind'), kpiId: idSchema }),
  ],
  { error: 'Each missing input is added ("add") or bound to a KPI of the workspace ("bind")' },
);
export type InputChoice = z.output<typeof inputChoiceSchema>;

export const templateIdSchema = z
  .string({ error: 'Template must be text' })
  .regex(/^(builtin|own):[a-z0-9][a-z0-9-]{0,80}$/, { error: 'There is no such template' });

const saveOptions = {
  name: nameSchema,
  description: z.string({ error: 'Description must be text' }).trim().max(10_000).default(''),
  /** Owners (people's names) are left out unless asked for. */
  includePeople: z.boolean().default(false),
  /** Values and their comments are left out unless asked for. */
  includeValues: z.boolean().default(false),
};

export const libraryContract = {
  'library.list': method<LibraryCatalogue>()(none),
  /**
   * Adds a library KPI to an objective, with what its formula needs: inputs the workspace has
   * (by code) are used; each missing one is added from the library or bound to an existing KPI
   * (the formula then names that KPI). All of it, or nothing.
   */
  'library.add': method<{ added: Kpi[] }>()(
    z.strictObject({
      objectiveId: idSchema,
      code: kpiCodeSchema,
      inputs: z.record(kpiCodeSchema, inputChoiceSchema).default({}),
    }),
  ),

  'template.list': method<TemplateSummary[]>()(none),
  /** A new workspace file built from a scorecard template; it becomes the open workspace. */
  'template.createWorkspace': method<WorkspaceInfo>()(
    z.strictObject({
      templateId: templateIdSchema,
      name: nameSchema,
      /** Where to write it; browser mode may leave it out to use the workspaces folder. */
      path: filePathSchema.optional(),
    }),
  ),
  /**
   * A scorecard template added to the open workspace (under `parentId`, or at the top). KPIs
   * whose identifiers the workspace already uses get new ones (`revenue_2`), formulas following.
   */
  'template.addScorecard': method<{
    scorecard: Scorecard;
    renamed: { from: string; to: string }[];
  }>()(
    z.strictObject({
      templateId: templateIdSchema,
      parentId: idSchema.nullable().default(null),
      name: nameSchema.optional(),
    }),
  ),
  /** A KPI template added to an objective: its KPI plus the inputs the workspace lacks. */
  'template.addKpi': method<{ added: Kpi[] }>()(
    z.strictObject({ templateId: templateIdSchema, objectiveId: idSchema }),
  ),
  /** Saves a scorecard of the open workspace as one of this computer's templates. */
  'template.saveScorecard': method<TemplateSummary>()(
    z.strictObject({ scorecardId: idSchema, ...saveOptions }),
  ),
  /** Saves a KPI (with the KPIs its formula needs) as one of this computer's templates. */
  'template.saveKpi': method<TemplateSummary>()(
    z.strictObject({ kpiId: idSchema, ...saveOptions }),
  ),
  /** A template as a file to share. */
  'template.export': method<ExportResult>()(
    z.strictObject({ templateId: templateIdSchema, destination: exportDestinationSchema }),
  ),
  /** A shared template file, checked like the shipped ones, kept as one of this computer's. */
  'template.import': method<TemplateSummary>()(z.strictObject({ path: filePathSchema })),
  'template.delete': method<null>()(z.strictObject({ templateId: templateIdSchema })),
} as const;
