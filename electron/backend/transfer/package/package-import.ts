import { readFileSync, statSync } from 'node:fs';
import { ApiError } from '@shared/api/errors';
import { FormulaError } from '@shared/formula/lexer';
import { formulaIdentifiers, parseFormula } from '@shared/formula/parser';
import { readPackage } from '@shared/transfer/package-reader';
import { MAX_PACKAGE_BYTES, type KpiPackage } from '@shared/transfer/package-schema';
import type { Db } from '../../workspace/connection';
import { hasReminderTables } from './reminder-section';
import { hasTable } from './tables';

// Reading a package file and checking it can go into a workspace, before anything is written
// (services/package.ts writes it).

function invalid(message: string): ApiError {
  return new ApiError({ code: 'VALIDATION', field: 'path', message });
}

/** Reads and checks a package file; throws a message naming the problem, touching nothing. */
export function loadPackageFile(path: string): KpiPackage {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new Error('it is not a file');
    size = stat.size;
  } catch (error) {
    throw new ApiError({
      code: 'FILE_ERROR',
      field: 'path',
      message: `The package "${path}" cannot be read (${error instanceof Error ? error.message : String(error)}).`,
    });
  }
  if (size > MAX_PACKAGE_BYTES)
    throw invalid(
      `The package "${path}" is larger than ${MAX_PACKAGE_BYTES / 1024 / 1024} MiB, the most this app imports; nothing was imported.`,
    );
  const result = readPackage(readFileSync(path, 'utf8'));
  if (!result.ok) throw invalid(`${result.message} Nothing was imported.`);
  return result.package;
}

/**
 * Ids or KPI codes of the package that the workspace already has, the most telling first (the
 * scorecard, then KPI codes, then the records below).
 */
function conflicts(db: Db, pkg: KpiPackage): string[] {
  const idTaken = (
    table: string,
    label: string,
    records: readonly { id: string; name?: string; title?: string }[],
  ): string[] => {
    const exists = db.prepare<[string], { n: number }>(`SELECT 1 AS n FROM ${table} WHERE id = ?`);
    return records
      .filter((record) => exists.get(record.id) !== undefined)
      .map(
        (record) =>
          `the ${label} "${record.name ?? record.title ?? record.id}" (id ${record.id}) is already in this workspace`,
      );
  };
  const byCode = db.prepare<[string], { name: string }>('SELECT name FROM kpis WHERE code = ?');
  const codes = pkg.kpis.flatMap((kpi) => {
    const other = byCode.get(kpi.code);
    return other ? [`the KPI code "${kpi.code}" is already used by "${other.name}"`] : [];
  });
  return [
    ...idTaken('scorecards', 'scorecard', pkg.scorecards),
    ...codes,
    ...idTaken('kpis', 'KPI', pkg.kpis),
    ...idTaken('perspectives', 'perspective', pkg.perspectives),
    ...idTaken('objectives', 'objective', pkg.objectives),
    ...(pkg.actionPlans && hasTable(db, 'action_plans')
      ? idTaken('action_plans', 'action plan', pkg.actionPlans)
      : []),
    ...idTaken('objective_links', 'link between objectives', pkg.objectiveLinks ?? []),
  ];
}

/** Formulas must parse and name KPIs that will exist (in the package or the workspace). */
function checkFormulas(db: Db, pkg: KpiPackage): void {
  const codes = new Set([
    ...pkg.kpis.map((k) => k.code),
    ...db
      .prepare<[], { code: string }>('SELECT code FROM kpis')
      .all()
      .map((r) => r.code),
  ]);
  for (const kpi of pkg.kpis) {
    if (kpi.formula === null) continue;
    try {
      for (const { name } of formulaIdentifiers(parseFormula(kpi.formula)))
        if (!codes.has(name))
          throw invalid(
            `The formula of "${kpi.name}" uses "${name}", which is not a KPI of the package or this workspace; nothing was imported.`,
          );
    } catch (error) {
      if (error instanceof FormulaError)
        throw invalid(
          `The formula of "${kpi.name}" cannot be read (${error.message}); nothing was imported.`,
        );
      throw error;
    }
  }
}

export function checkImportable(db: Db, pkg: KpiPackage): void {
  const found = conflicts(db, pkg);
  if (found.length > 0) {
    const shown = found.slice(0, 3).join('; ');
    const more = found.length > 3 ? ` (and ${found.length - 3} more)` : '';
    throw new ApiError({
      code: 'CONFLICT',
      field: 'path',
      message: `The package cannot be imported into this workspace: ${shown}${more}. Import it into a new workspace instead; nothing was imported.`,
    });
  }
  if (pkg.actionPlans && pkg.actionPlans.length > 0 && !hasTable(db, 'action_plans'))
    throw invalid('This workspace cannot hold action plans; nothing was imported.');
  if (pkg.reminderSettings && !hasReminderTables(db))
    throw invalid('This workspace cannot hold reminder settings; nothing was imported.');
  checkFormulas(db, pkg);
}
