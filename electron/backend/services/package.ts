import { writeFileSync } from 'node:fs';
import type {
  ExportDestination,
  ExportResult,
  PackageImportResult,
} from '@shared/api/contract-export';
import type { KpiPackage } from '@shared/transfer/package-schema';
import type { HandlerContext } from '../context';
import { insertActionPlans } from '../store/action-plans';
import type { Tx } from '../store/change-log';
import { insertKpis } from '../store/kpis';
import { updateMeta } from '../store/meta';
import { insertLinks, writePositions } from '../store/objective-links';
import { insertObjective } from '../store/objectives';
import { insertPerspective } from '../store/perspectives';
import { getScorecard } from '../store/records';
import { insertScorecards } from '../store/scorecards';
import { BulkValueWriter } from '../store/value-bulk';
import { deliverExport, safeFileStem } from '../transfer/export/destination';
import { buildPackage, packageRecordCount } from '../transfer/package/package-export';
import { checkImportable, loadPackageFile } from '../transfer/package/package-import';
import { writeReminderSection } from '../transfer/package/reminder-section';
import { uniqueWorkspacePath, withWorkspaceExtension } from '../workspace/files';
import { createWorkspaceFile } from '../workspace/lifecycle';

// JSON packages: a workspace or a scorecard written out, and read into the open workspace or a
// new one. A package's records are written through the stores, each with its log entry.

export const PACKAGE_EXTENSION = '.json';

export async function exportPackage(
  ctx: HandlerContext,
  input: { scorecardId?: string | undefined; destination: ExportDestination },
): Promise<ExportResult> {
  const workspace = ctx.workspace();
  const { db } = workspace;
  const { pkg, scope } = db.transaction(() => ({
    pkg: buildPackage(db, {
      scorecardId: input.scorecardId,
      exportedAt: ctx.now(),
      generator: `KPI Scorecard ${ctx.options.appVersion}`,
    }),
    scope:
      input.scorecardId === undefined
        ? workspace.meta().name
        : getScorecard(db, input.scorecardId, 'scorecardId').name,
  }))();
  return deliverExport(
    ctx.options.mode,
    input.destination,
    {
      fileName: `${safeFileStem(`${scope} package ${ctx.now().slice(0, 10)}`)}${PACKAGE_EXTENSION}`,
      extension: PACKAGE_EXTENSION,
      contentType: 'application/json; charset=utf-8',
    },
    (path) => {
      writeFileSync(path, `${JSON.stringify(pkg, null, 2)}\n`, 'utf8');
      return packageRecordCount(pkg);
    },
  );
}

/** Writes every record of a checked package (see checkImportable), in the caller's transaction. */
export function writePackage(tx: Tx, pkg: KpiPackage): void {
  insertScorecards(
    tx,
    pkg.scorecards.map(({ id, parentId, name, description, position }) => ({
      id,
      parentId,
      name,
      description,
      position,
    })),
  );
  for (const perspective of pkg.perspectives) insertPerspective(tx, perspective);
  for (const objective of pkg.objectives) insertObjective(tx, objective);
  insertKpis(tx, pkg.kpis);
  // Each value keeps who entered it and when; the bulk writer's own author is not used.
  const values = new BulkValueWriter(tx.db, tx.changes, '', '');
  for (const value of pkg.values) values.insertRecord(value);
  values.flush();
  if (pkg.actionPlans && pkg.actionPlans.length > 0) insertActionPlans(tx, pkg.actionPlans);
  if (pkg.reminderSettings) writeReminderSection(tx, pkg.reminderSettings);
  // A format 1 package has no map: its workspace simply starts without links.
  if (pkg.objectiveLinks) insertLinks(tx, pkg.objectiveLinks);
  if (pkg.mapPositions) writePositions(tx, pkg.mapPositions);
}

function counts(pkg: KpiPackage): Omit<PackageImportResult, 'workspace'> {
  return { scorecards: pkg.scorecards.length, kpis: pkg.kpis.length, values: pkg.values.length };
}

export function importPackage(
  ctx: HandlerContext,
  input: { into: 'new' | 'current'; path: string; workspacePath?: string | undefined },
): PackageImportResult {
  // Read and validated before anything is created or opened for writing.
  const pkg = loadPackageFile(input.path);
  if (input.into === 'current') {
    const workspace = ctx.workspace();
    workspace.db.transaction(() => {
      checkImportable(workspace.db, pkg);
      writePackage(workspace, pkg);
    })();
    return { workspace: workspace.info(), ...counts(pkg) };
  }
  const path =
    input.workspacePath === undefined
      ? uniqueWorkspacePath(ctx.options.workspacesDir, pkg.workspace.name)
      : withWorkspaceExtension(input.workspacePath);
  // Created in one transaction with its content: a refusal removes the new file again.
  const created = createWorkspaceFile(path, pkg.workspace.name, ctx.fileEnv(), (workspace) => {
    updateMeta(workspace, 'fiscal_year_start_month', String(pkg.workspace.fiscalYearStartMonth));
    checkImportable(workspace.db, pkg);
    writePackage(workspace, pkg);
  });
  return { workspace: ctx.switchTo(created), ...counts(pkg) };
}
