import { basename } from 'node:path';
import type { MethodInput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import { kpiDefinitionFields, type kpiPatchSchema } from '@shared/api/schemas';
import type { Kpi } from '@shared/domain/entities';
import { readDefinitionRow, type DefinitionRow } from '@shared/transfer/definition-rows';
import type { DefinitionImportResult } from '@shared/transfer/import-status';
import { SUMMARY_LIST_LIMIT } from '@shared/transfer/import-status';
import { looseName } from '@shared/transfer/kpi-matcher';
import { describeCell } from '@shared/transfer/table';
import type { ImportProblem } from '@shared/transfer/value-rows';
import type { z } from 'zod';
import type { HandlerContext } from '../../context';
import { addKpi, changeKpi, moveKpi } from '../../services/kpi';
import { createObjective } from '../../services/objective';
import { createPerspective } from '../../services/perspective';
import { allLinks, createLink } from '../../services/strategy-map';
import { listKpis } from '../../store/kpis';
import {
  getScorecard,
  listAllObjectives,
  listAllPerspectives,
  listObjectives,
  listPerspectives,
} from '../../store/records';
import { askWorker } from './file-reader';
import { sourceKindForApi } from './source-kind';

// KPI definitions from a spreadsheet into one scorecard. The dry run and the import are the
// same work inside one transaction, rolled back for the dry run: so the preview's errors are
// exactly what applying would meet. Each row runs in its own savepoint, so a bad row is
// reported and left out while the good ones go in, all committed together or not at all.

const MAX_ROWS = 20_000;

class DryRun extends Error {}

type Outcome = 'created' | 'updated' | 'unchanged';

function sameUnit(a: Kpi['unit'], b: Kpi['unit']): boolean {
  return a.format === b.format && a.currency === b.currency && a.suffix === b.suffix;
}

/** The fields of `row` that differ from `kpi`, as a patch. */
function patchFor(kpi: Kpi, row: DefinitionRow): z.output<typeof kpiPatchSchema> {
  const patch: z.output<typeof kpiPatchSchema> = {};
  if (row.unit && !sameUnit(row.unit, kpi.unit)) patch.unit = row.unit;
  if (row.direction && row.direction !== kpi.direction) patch.direction = row.direction;
  if (row.frequency && row.frequency !== kpi.frequency) patch.frequency = row.frequency;
  if (row.target !== undefined && row.target !== kpi.target) patch.target = row.target;
  if (row.owner !== null && row.owner !== kpi.owner) patch.owner = row.owner;
  return patch;
}

export async function importDefinitions(
  ctx: HandlerContext,
  input: MethodInput<'import.definitions'>,
): Promise<DefinitionImportResult> {
  const kind = sourceKindForApi(input.path);
  const rows = await askWorker(
    ctx.options.importWorkerPath,
    {
      type: 'rows',
      request: {
        path: input.path,
        kind,
        sheet: kind === 'xlsx' ? input.sheet : null,
        format: kind === 'csv' ? input.format : null,
        limit: MAX_ROWS,
      },
    },
    (message) => (message.type === 'rows' ? message.rows : undefined),
  ).catch((error: unknown) => {
    throw new ApiError({
      code: 'FILE_ERROR',
      field: 'path',
      message: error instanceof Error ? error.message : String(error),
    });
  });

  const workspace = ctx.workspace();
  const { db } = workspace;
  const scorecard = getScorecard(db, input.scorecardId, 'scorecardId');
  const location = { kind, sheet: kind === 'xlsx' ? input.sheet : null };
  const headerIndex = rows.findIndex((row) => row.line >= input.headerLine);
  if (headerIndex === -1)
    throw new ApiError({
      code: 'VALIDATION',
      field: 'headerLine',
      message: `The file has no row at line ${input.headerLine}.`,
    });

  const result: DefinitionImportResult = {
    fileName: basename(input.path),
    applied: false,
    created: 0,
    updated: 0,
    unchanged: 0,
    links: 0,
    problemCount: 0,
    problems: [],
    rows: [],
  };
  const problem = (entry: ImportProblem): void => {
    result.problemCount += 1;
    if (result.problems.length < SUMMARY_LIST_LIMIT) result.problems.push(entry);
  };
  const outcome = (line: number, name: string, what: Outcome): void => {
    result[what] += 1;
    if (result.rows.length < SUMMARY_LIST_LIMIT) result.rows.push({ line, name, outcome: what });
  };

  const run = (): void => {
    const kpisByName = new Map<string, Kpi>();
    for (const kpi of listKpis(db)) kpisByName.set(looseName(kpi.name), kpi);
    const seen = new Map<string, number>();
    const perspectiveId = (name: string): string => {
      const found = listPerspectives(db, scorecard.id).find(
        (p) => looseName(p.name) === looseName(name),
      );
      return (
        found?.id ?? createPerspective(workspace, { scorecardId: scorecard.id, name, weight: 1 }).id
      );
    };
    const objectiveId = (perspective: string, name: string): string => {
      const inPerspective = perspectiveId(perspective);
      const found = listObjectives(db, inPerspective).find(
        (o) => looseName(o.name) === looseName(name),
      );
      return (
        found?.id ??
        createObjective(workspace, {
          perspectiveId: inPerspective,
          name,
          description: '',
          weight: 1,
        }).id
      );
    };

    // The objective a row's objective supports: this scorecard's first, else the one other
    // scorecard's objective of that name; a name in two other scorecards is ambiguous.
    const supportedObjective = (name: string): string => {
      const perspectives = new Map(listAllPerspectives(db).map((p) => [p.id, p.scorecardId]));
      const named = listAllObjectives(db).filter((o) => looseName(o.name) === looseName(name));
      const here = named.filter((o) => perspectives.get(o.perspectiveId) === scorecard.id);
      const [only] = here.length > 0 ? here : named;
      if (!only)
        throw new ApiError({
          code: 'VALIDATION',
          message: `the objective "${name}" in the Supports column is not in this workspace`,
        });
      if (here.length > 1 || (here.length === 0 && named.length > 1))
        throw new ApiError({
          code: 'VALIDATION',
          message: `"${name}" in the Supports column names ${String(named.length)} objectives; rename one so it names only one`,
        });
      return only.id;
    };
    // Links are made after every row, so a row may support an objective a later row makes.
    const pending: { line: number; fromId: string; supports: string }[] = [];
    const link = (line: number, fromId: string, supports: string | null): void => {
      if (supports !== null) pending.push({ line, fromId, supports });
    };

    for (const source of rows.slice(headerIndex + 1)) {
      const read = readDefinitionRow(source, input.columns, input.numberLocale, location);
      if (read === null) continue;
      if (!read.ok) {
        problem({ line: read.line, where: read.where, message: read.message });
        continue;
      }
      const { row } = read;
      const key = looseName(row.name);
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        problem({
          line: row.line,
          where: describeCell(location, row.line, input.columns.name),
          message: `${row.name} is already defined at ${describeCell(location, earlier, null)}; this row is left out`,
        });
        continue;
      }
      seen.set(key, row.line);
      try {
        db.transaction(() => {
          const existing = kpisByName.get(key);
          if (existing) {
            const patch = patchFor(existing, row);
            let changed = Object.keys(patch).length > 0;
            if (changed) changeKpi(workspace, { id: existing.id, patch });
            if (row.perspective !== null && row.objective !== null) {
              const target = objectiveId(row.perspective, row.objective);
              if (target !== existing.objectiveId) {
                moveKpi(workspace, { id: existing.id, objectiveId: target });
                changed = true;
              }
              link(row.line, target, row.supports);
            } else link(row.line, existing.objectiveId, row.supports);
            outcome(row.line, row.name, changed ? 'updated' : 'unchanged');
            return;
          }
          if (row.perspective === null || row.objective === null)
            throw new ApiError({
              code: 'VALIDATION',
              message: `${row.name} is a new KPI; give its perspective and objective`,
            });
          const fields = kpiDefinitionFields.safeParse({
            name: row.name,
            ...(row.unit ? { unit: row.unit } : {}),
            ...(row.direction ? { direction: row.direction } : {}),
            ...(row.frequency ? { frequency: row.frequency } : {}),
            ...(row.target !== undefined ? { target: row.target } : {}),
            ...(row.owner !== null ? { owner: row.owner } : {}),
          });
          if (!fields.success)
            throw new ApiError({
              code: 'VALIDATION',
              message: fields.error.issues[0]?.message ?? 'The definition is not valid',
            });
          const created = addKpi(workspace, {
            ...fields.data,
            objectiveId: objectiveId(row.perspective, row.objective),
            parentKpiId: null,
          });
          link(row.line, created.objectiveId, row.supports);
          kpisByName.set(key, created);
          outcome(row.line, row.name, 'created');
        })();
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        problem({
          line: row.line,
          where: describeCell(location, row.line, null),
          message: error.message.replace(/\.$/u, ''),
        });
      }
    }
    for (const { line, fromId, supports } of pending) {
      try {
        db.transaction(() => {
          const toId = supportedObjective(supports);
          if (allLinks(db).some((l) => l.fromObjectiveId === fromId && l.toObjectiveId === toId))
            return;
          createLink(workspace, ctx.now(), {
            fromObjectiveId: fromId,
            toObjectiveId: toId,
            label: '',
          });
          result.links += 1;
        })();
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        problem({
          line,
          where: describeCell(location, line, input.columns.supports ?? null),
          message: `${error.message.replace(/\.?( Nothing was saved\.)?$/u, '')}; the link was left out`,
        });
      }
    }
    if (!input.apply) throw new DryRun();
  };

  try {
    db.transaction(run)();
    result.applied = true;
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
  return result;
}
