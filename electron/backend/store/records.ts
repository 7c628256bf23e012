import { ApiError } from '@shared/api/errors';
import type { Objective, Perspective, Scorecard } from '@shared/domain/entities';
import type { Db } from '../workspace/connection';

// Reading scorecards, perspectives and objectives, and the NOT_FOUND errors that name them.

export function notFound(kind: string, id: string, field?: string): ApiError {
  return new ApiError({
    code: 'NOT_FOUND',
    message: `No ${kind} with id ${id} in this workspace.`,
    ...(field === undefined ? {} : { field }),
  });
}

interface ScorecardRow {
  id: string;
  parent_id: string | null;
  name: string;
  description: string;
  position: number;
}
interface PerspectiveRow {
  id: string;
  scorecard_id: string;
  name: string;
  weight: number;
  position: number;
}
interface ObjectiveRow {
  id: string;
  perspective_id: string;
  name: string;
  description: string;
  weight: number;
  position: number;
}

export const toScorecard = (row: ScorecardRow): Scorecard => ({
  id: row.id,
  parentId: row.parent_id,
  name: row.name,
  description: row.description,
  position: row.position,
});

export const toPerspective = (row: PerspectiveRow): Perspective => ({
  id: row.id,
  scorecardId: row.scorecard_id,
  name: row.name,
  weight: row.weight,
  position: row.position,
});

export const toObjective = (row: ObjectiveRow): Objective => ({
  id: row.id,
  perspectiveId: row.perspective_id,
  name: row.name,
  description: row.description,
  weight: row.weight,
  position: row.position,
});

export function findScorecard(db: Db, id: string): Scorecard | null {
  const row = db.prepare<[string], ScorecardRow>('SELECT * FROM scorecards WHERE id = ?').get(id);
  return row ? toScorecard(row) : null;
}

export function getScorecard(db: Db, id: string, field?: string): Scorecard {
  const found = findScorecard(db, id);
  if (!found) throw notFound('scorecard', id, field);
  return found;
}

export function getPerspective(db: Db, id: string, field?: string): Perspective {
  const row = db
    .prepare<[string], PerspectiveRow>('SELECT * FROM perspectives WHERE id = ?')
    .get(id);
  if (!row) throw notFound('perspective', id, field);
  return toPerspective(row);
}

export function getObjective(db: Db, id: string, field?: string): Objective {
  const row = db.prepare<[string], ObjectiveRow>('SELECT * FROM objectives WHERE id = ?').get(id);
  if (!row) throw notFound('objective', id, field);
  return toObjective(row);
}

export function listPerspectives(db: Db, scorecardId: string): Perspective[] {
  return db
    .prepare<[string], PerspectiveRow>(
      'SELECT * FROM perspectives WHERE scorecard_id = ? ORDER BY position, rowid',
    )
    .all(scorecardId)
    .map(toPerspective);
}

/** Every perspective of the workspace, in position order. */
export function listAllPerspectives(db: Db): Perspective[] {
  return db
    .prepare<[], PerspectiveRow>('SELECT * FROM perspectives ORDER BY position, rowid')
    .all()
    .map(toPerspective);
}

/** Every objective of the workspace, in position order. */
export function listAllObjectives(db: Db): Objective[] {
  return db
    .prepare<[], ObjectiveRow>('SELECT * FROM objectives ORDER BY position, rowid')
    .all()
    .map(toObjective);
}

export function listObjectives(db: Db, perspectiveId: string): Objective[] {
  return db
    .prepare<[string], ObjectiveRow>(
      'SELECT * FROM objectives WHERE perspective_id = ? ORDER BY position, rowid',
    )
    .all(perspectiveId)
    .map(toObjective);
}

export function listAllScorecards(db: Db): Scorecard[] {
  return db
    .prepare<[], ScorecardRow>('SELECT * FROM scorecards ORDER BY position, rowid')
    .all()
    .map(toScorecard);
}

type Sibling = 'scorecards' | 'perspectives' | 'objectives' | 'kpis';
const PARENT_COLUMN: Record<Sibling, string> = {
  scorecards: 'parent_id',
  perspectives: 'scorecard_id',
  objectives: 'perspective_id',
  kpis: 'objective_id',
};

/** The position after the last child of `parentId` (null: the top level of scorecards). */
export function nextPosition(db: Db, table: Sibling, parentId: string | null): number {
  const row = db
    .prepare<[string | null], { next: number }>(
      `SELECT coalesce(max(position) + 1, 0) AS next FROM ${table} WHERE ${PARENT_COLUMN[table]} IS ?`,
    )
    .get(parentId);
  return row?.next ?? 0;
}
