import { ApiError } from '@shared/api/errors';
import { depthMessage, MAX_HIERARCHY_DEPTH, type HierarchyKind } from '@shared/domain/hierarchy';
import type { Db } from '../workspace/connection';

// The depth limit of KPI and scorecard hierarchies (shared/domain/hierarchy.ts) where a parent
// link is made through the API. SQLite's recursive queries walk the chain without recursion
// in JavaScript; the bound on n stops a loop written by another program.

const TABLES: Record<HierarchyKind, { table: string; parent: string }> = {
  KPI: { table: 'kpis', parent: 'parent_kpi_id' },
  scorecard: { table: 'scorecards', parent: 'parent_id' },
};
const GUARD = 100_000;

/** The level of `id` in its hierarchy: 1 for a root. */
function levelOf(db: Db, kind: HierarchyKind, id: string): number {
  const { table, parent } = TABLES[kind];
  const row = db
    .prepare<[string], { n: number | null }>(
      `WITH RECURSIVE up (id, n) AS (
         SELECT ?, 1
         UNION ALL SELECT t.${parent}, up.n + 1 FROM ${table} t JOIN up ON t.id = up.id
           WHERE t.${parent} IS NOT NULL AND up.n < ${GUARD})
       SELECT max(n) AS n FROM up`,
    )
    .get(id);
  return row?.n ?? 1;
}

/** How many levels `id` and the records below it span: 1 for a leaf. */
function heightOf(db: Db, kind: HierarchyKind, id: string): number {
  const { table, parent } = TABLES[kind];
  const row = db
    .prepare<[string], { n: number | null }>(
      `WITH RECURSIVE down (id, n) AS (
         SELECT ?, 1
         UNION ALL SELECT t.id, down.n + 1 FROM ${table} t JOIN down ON t.${parent} = down.id
           WHERE down.n < ${GUARD})
       SELECT max(n) AS n FROM down`,
    )
    .get(id);
  return row?.n ?? 1;
}

/**
 * Refuses to put `item` (new, or existing with what is below it) under `parentId` when its
 * deepest level would pass MAX_HIERARCHY_DEPTH.
 */
export function checkHierarchyDepth(
  db: Db,
  kind: HierarchyKind,
  item: { id: string | null; name: string },
  parentId: string,
  field: string,
): void {
  const level = levelOf(db, kind, parentId) + 1;
  const deepest = level - 1 + (item.id === null ? 1 : heightOf(db, kind, item.id));
  if (deepest <= MAX_HIERARCHY_DEPTH) return;
  throw new ApiError({
    code: 'VALIDATION',
    field,
    message:
      deepest === level
        ? depthMessage(kind, item.name, level)
        : `${depthMessage(kind, item.name, level)} With the ${deepest - level} level(s) below it, its hierarchy would reach level ${deepest}.`,
  });
}
