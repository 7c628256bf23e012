import { z } from 'zod';
import type {
  ChangeLogEntry,
  Kpi,
  KpiValue,
  Objective,
  Perspective,
  RecentWorkspace,
  Scorecard,
  WorkspaceInfo,
} from '../domain/entities';
import {
  SPARKLINE_POINTS,
  type KpiDetail,
  type KpiTree,
  type ScorecardRows,
} from '../domain/evaluation';
import {
  commentSchema,
  filePathSchema,
  fiscalMonthSchema,
  idSchema,
  kpiDefinitionFields,
  kpiPatchSchema,
  nameSchema,
  periodSchema,
  valueEntrySchema,
  viewSpecInput,
  bucketSchema,
  weightSchema,
} from './schemas';
import { method, none } from './method';
import { reminderContract } from './contract-reminders';
import { backupContract } from './contract-backups';
import { reportContract } from './contract-report';
import { transferContract } from './contract-transfer';
import { auditContract } from './contract-audit';
import { exportContract } from './contract-export';
import { settingsContract } from './contract-settings';
import { strategyMapContract } from './contract-map';
import { syncContract } from './contract-sync';
import { libraryContract } from './contract-library';
import { healthContract } from './contract-health';
import { dashboardContract } from './contract-dashboard';

// The whole backend API in one map (STYLE.md pattern 1): method name → input schema → output
// type. The dispatcher validates every call against `input` before anything runs; the client's
// types come from the same map, so a renamed method or field breaks the build, not the user.

const byId = z.strictObject({ id: idSchema });
const description = z.string({ error: 'Description must be text' }).trim().max(10_000);

export interface AppInfo {
  version: string;
  /** Where the app runs: the desktop shell, or browser mode served by the local Node host. */
  mode: 'desktop' | 'browser';
  /** Where new workspaces go by default in browser mode, and where the sample copy is made. */
  workspacesDir: string;
}

export interface WorkspaceFileEntry {
  path: string;
  name: string;
  modifiedAt: string;
  sizeBytes: number;
}

export const contract = {
  'app.info': method<AppInfo>()(none),

  'workspace.create': method<WorkspaceInfo>()(
    z.strictObject({
      name: nameSchema,
      /** Where to write it; browser mode may leave it out to use the workspaces folder. */
      path: filePathSchema.optional(),
    }),
  ),
  'workspace.open': method<WorkspaceInfo>()(z.strictObject({ path: filePathSchema })),
  /** Opens a fresh copy of the shipped sample workspace; the shipped file is never modified. */
  'workspace.openSample': method<WorkspaceInfo>()(none),
  'workspace.close': method<null>()(none),
  'workspace.current': method<WorkspaceInfo | null>()(none),
  'workspace.rename': method<WorkspaceInfo>()(z.strictObject({ name: nameSchema })),
  'workspace.setFiscalYearStart': method<WorkspaceInfo>()(
    z.strictObject({ month: fiscalMonthSchema }),
  ),
  'workspace.recent': method<RecentWorkspace[]>()(none),
  'workspace.forgetRecent': method<RecentWorkspace[]>()(z.strictObject({ path: filePathSchema })),
  /** The `.kpis` files in the workspaces folder (browser mode has no native open dialog). */
  'workspace.listFiles': method<WorkspaceFileEntry[]>()(none),
  /** A consistent copy of the open workspace, made with SQLite's online backup. */
  'workspace.saveCopy': method<{ path: string }>()(z.strictObject({ path: filePathSchema })),

  'scorecard.list': method<Scorecard[]>()(none),
  'scorecard.create': method<Scorecard>()(
    z.strictObject({
      name: nameSchema,
      description: description.default(''),
      parentId: idSchema.nullable().default(null),
    }),
  ),
  'scorecard.update': method<Scorecard>()(
    z.strictObject({
      id: idSchema,
      name: nameSchema.optional(),
      description: description.optional(),
      /** Moving under another scorecard; a move under its own descendant is refused. */
      parentId: idSchema.nullable().optional(),
    }),
  ),
  'scorecard.delete': method<null>()(byId),

  /**
   * A scorecard evaluated for one view period: every KPI's value (entered, rolled up from its
   * children, or calculated), target, status, score, trend, sparkline and forecast, and the
   * weighted roll-ups of objectives, perspectives, the scorecard and its child scorecards.
   * Without `period`: the latest period with any value, else today's. Each KPI comes with what
   * its row shows (RowKpi); kpi.get reads the whole record.
   */
  'scorecard.evaluate': method<ScorecardRows>()(
    z.strictObject({
      id: idSchema,
      view: viewSpecInput,
      period: bucketSchema.optional(),
      sparklineLength: z
        .number({ error: 'Sparkline length must be a number' })
        .int()
        .min(2, { error: 'Sparkline length must be 2 to 60' })
        .max(60, { error: 'Sparkline length must be 2 to 60' })
        .default(SPARKLINE_POINTS),
    }),
  ),

  'perspective.create': method<Perspective>()(
    z.strictObject({ scorecardId: idSchema, name: nameSchema, weight: weightSchema.default(1) }),
  ),
  'perspective.update': method<Perspective>()(
    z.strictObject({ id: idSchema, name: nameSchema.optional(), weight: weightSchema.optional() }),
  ),
  'perspective.reorder': method<Perspective[]>()(
    z.strictObject({
      scorecardId: idSchema,
      orderedIds: z.array(idSchema).min(1, { error: 'The new order lists no perspectives' }),
    }),
  ),
  'perspective.delete': method<null>()(byId),

  'objective.create': method<Objective>()(
    z.strictObject({
      perspectiveId: idSchema,
      name: nameSchema,
      description: description.default(''),
      weight: weightSchema.default(1),
    }),
  ),
  'objective.update': method<Objective>()(
    z.strictObject({
      id: idSchema,
      name: nameSchema.optional(),
      description: description.optional(),
      weight: weightSchema.optional(),
      /** Moving to another perspective (of any scorecard in the workspace). */
      perspectiveId: idSchema.optional(),
    }),
  ),
  'objective.reorder': method<Objective[]>()(
    z.strictObject({
      perspectiveId: idSchema,
      orderedIds: z.array(idSchema).min(1, { error: 'The new order lists no objectives' }),
    }),
  ),
  'objective.delete': method<null>()(byId),

  'kpi.list': method<Kpi[]>()(z.strictObject({ scorecardId: idSchema.optional() })),
  'kpi.get': method<Kpi>()(byId),
  'kpi.create': method<Kpi>()(
    kpiDefinitionFields.extend({
      objectiveId: idSchema,
      parentKpiId: idSchema.nullable().default(null),
    }),
  ),
  /** Changes some fields; the merged definition is validated as a whole. */
  'kpi.update': method<Kpi>()(z.strictObject({ id: idSchema, patch: kpiPatchSchema })),
  'kpi.move': method<Kpi>()(z.strictObject({ id: idSchema, objectiveId: idSchema })),
  /** Hangs a KPI under a parent KPI (or detaches it with null); cycles are refused. */
  'kpi.setParent': method<Kpi>()(
    z.strictObject({ id: idSchema, parentKpiId: idSchema.nullable() }),
  ),
  'kpi.children': method<Kpi[]>()(byId),
  'kpi.delete': method<null>()(byId),
  /** Every KPI of the workspace for one view period, with parent links: the KPI hierarchy. */
  'kpi.tree': method<KpiTree>()(z.strictObject({ view: viewSpecInput, period: bucketSchema })),
  /** One KPI over time in a view: its series with targets and statuses, history, inputs. */
  'kpi.detail': method<KpiDetail>()(
    z.strictObject({
      id: idSchema,
      view: viewSpecInput,
      period: bucketSchema.optional(),
      length: z
        .number({ error: 'Length must be a number' })
        .int()
        .min(2, { error: 'Length must be 2 to 120' })
        .max(120, { error: 'Length must be 2 to 120' })
        .default(24),
    }),
  ),

  /** Values of the given KPIs (or every KPI of a scorecard) between two periods, inclusive. */
  'value.list': method<KpiValue[]>()(
    z.strictObject({
      kpiIds: z.array(idSchema).max(10_000).optional(),
      scorecardId: idSchema.optional(),
      fromPeriod: periodSchema.optional(),
      toPeriod: periodSchema.optional(),
    }),
  ),
  /** Inserts or updates one value; the change log keeps the old one. */
  'value.set': method<KpiValue>()(valueEntrySchema),
  /** Several values at once (a pasted block): all are written, or none. */
  'value.setMany': method<KpiValue[]>()(
    z.strictObject({
      entries: z
        .array(valueEntrySchema)
        .min(1, { error: 'Nothing to save' })
        .max(100_000, { error: 'At most 100,000 values at once' }),
    }),
  ),
  'value.setComment': method<KpiValue>()(
    z.strictObject({ kpiId: idSchema, period: periodSchema, comment: commentSchema }),
  ),
  'value.delete': method<null>()(z.strictObject({ kpiId: idSchema, period: periodSchema })),
  /** The change history of a KPI's values, newest first (optionally for one period). */
  'value.history': method<ChangeLogEntry[]>()(
    z.strictObject({ kpiId: idSchema, period: periodSchema.optional() }),
  ),

  ...transferContract,
  ...reportContract,
  ...backupContract,
  ...reminderContract,
  ...exportContract,
  ...auditContract,
  ...settingsContract,
  ...strategyMapContract,
  ...syncContract,
  ...libraryContract,
  ...healthContract,
  ...dashboardContract,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller passes (defaults not yet applied). */
export type MethodParams<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (validated, defaults applied). */
export type MethodInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Exclude<Contract[M]['output'], undefined>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
