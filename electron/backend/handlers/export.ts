import { writeFileSync } from 'node:fs';
import type {
  ExportDestination,
  ExportResult,
  PackageImportResult,
} from '@shared/api/contract-export';
import type { KpiPackage } from '@shared/transfer/package-schema';
import type { HandlerContext } from '../context';
import { getScorecard } from '../store/records';
import { deliverExport, safeFileStem } from '../transfer/export/destination';
import { exportValues } from '../transfer/export/values-export';
import { buildPackage, packageRecordCount } from '../transfer/package/package-export';
import { checkImportable, loadPackageFile, writePackage } from '../transfer/package/package-import';
import { uniqueWorkspacePath, withWorkspaceExtension } from '../workspace/files';
import { createWorkspaceFile } from '../workspace/lifecycle';
import { writeMeta } from '../workspace/workspace';
import type { HandlerGroup } from './types';

// Export of values and JSON packages, and import of a package (issue 4).

export const PACKAGE_EXTENSION = '.json';

async function exportPackage(
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

function counts(pkg: KpiPackage): Omit<PackageImportResult, 'workspace'> {
  return { scorecards: pkg.scorecards.length, kpis: pkg.kpis.length, values: pkg.values.length };
}

function importPackage(
  ctx: HandlerContext,
  input: { into: 'new' | 'current'; path: string; workspacePath?: string | undefined },
): PackageImportResult {
  // Read and validated before anything is created or opened for writing.
  const pkg = loadPackageFile(input.path);
  if (input.into === 'current') {
    const workspace = ctx.workspace();
    workspace.db.transaction(() => {
      checkImportable(workspace.db, pkg);
      writePackage(workspace.db, workspace.changes, pkg);
    })();
    return { workspace: workspace.info(), ...counts(pkg) };
  }
  const path =
    input.workspacePath === undefined
      ? uniqueWorkspacePath(ctx.options.workspacesDir, pkg.workspace.name)
      : withWorkspaceExtension(input.workspacePath);
  // Created in one transaction with its content: a refusal removes the new file again.
  const created = createWorkspaceFile(path, pkg.workspace.name, ctx.fileEnv(), (workspace) => {
    writeMeta(workspace.db, 'fiscal_year_start_month', String(pkg.workspace.fiscalYearStartMonth));
    checkImportable(workspace.db, pkg);
    writePackage(workspace.db, workspace.changes, pkg);
  });
  return { workspace: ctx.switchTo(created), ...counts(pkg) };
}

export const exportHandlers = {
  'export.values': (input, ctx) => exportValues(ctx, input),
  'export.package': (input, ctx) => exportPackage(ctx, input),
  'package.import': (input, ctx) => importPackage(ctx, input),
} satisfies HandlerGroup;
