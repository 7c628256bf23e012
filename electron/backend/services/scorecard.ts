import { ApiError } from '@shared/api/errors';
import type { Scorecard } from '@shared/domain/entities';
import type { MethodInput } from '@shared/api/contract';
import { depthFirst } from '@shared/domain/hierarchy';
import type { Tx } from '../store/change-log';
import { checkHierarchyDepth } from '../store/hierarchy-depth';
import { newId } from '../store/ids';
import { insertPerspective } from '../store/perspectives';
import { getScorecard, listAllScorecards, nextPosition } from '../store/records';
import { deleteScorecard, insertScorecard, updateScorecard } from '../store/scorecards';
import type { Db } from '../workspace/connection';

// Scorecards form a tree (company → departments → teams). Each new one starts with the four
// balanced-scorecard perspectives.

export const DEFAULT_PERSPECTIVES: readonly { name: string; weight: number }[] = [
  'Financial',
  'Customer',
  'Internal Process',
  'Learning & Growth',
].map((name) => ({ name, weight: 1 }));

/** Depth-first order: each scorecard followed by its children, siblings by position. */
function treeOrder(all: Scorecard[]): Scorecard[] {
  const children = new Map<string | null, Scorecard[]>();
  for (const card of all) {
    const siblings = children.get(card.parentId) ?? [];
    siblings.push(card);
    children.set(card.parentId, siblings);
  }
  return depthFirst(
    children.get(null) ?? [],
    (card) => children.get(card.id) ?? [],
    (card) => card.id,
  ).map(({ item }) => item);
}

export function listScorecards(db: Db): Scorecard[] {
  return treeOrder(listAllScorecards(db));
}

/** Adds a scorecard (under a parent the caller checked) with its perspectives. */
export function addScorecard(
  tx: Tx,
  fields: { name: string; description: string; parentId: string | null },
  perspectives: readonly { name: string; weight: number }[] = DEFAULT_PERSPECTIVES,
): Scorecard & { perspectiveIds: string[] } {
  const card: Scorecard = {
    id: newId(),
    parentId: fields.parentId,
    name: fields.name,
    description: fields.description,
    position: nextPosition(tx.db, 'scorecards', fields.parentId),
  };
  insertScorecard(tx, card);
  const perspectiveIds = perspectives.map(({ name, weight }, position) => {
    const perspective = { id: newId(), scorecardId: card.id, name, weight, position };
    insertPerspective(tx, perspective);
    return perspective.id;
  });
  return { ...card, perspectiveIds };
}

/** Refuses to hang `card` under itself or one of its own descendants. */
function checkMove(db: Db, card: Scorecard, newParentId: string): void {
  if (newParentId === card.id)
    throw new ApiError({
      code: 'CONFLICT',
      field: 'parentId',
      message: `"${card.name}" cannot be placed under itself.`,
    });
  const inside = db
    .prepare<[string, string], { name: string }>(
      `WITH RECURSIVE below (id) AS (
         SELECT id FROM scorecards WHERE parent_id = ?
         UNION SELECT s.id FROM scorecards s JOIN below ON s.parent_id = below.id)
       SELECT name FROM scorecards WHERE id = ? AND id IN (SELECT id FROM below)`,
    )
    .get(card.id, newParentId);
  if (inside)
    throw new ApiError({
      code: 'CONFLICT',
      field: 'parentId',
      message: `"${card.name}" cannot be moved under "${inside.name}", which is inside "${card.name}".`,
    });
}

export function createScorecard(tx: Tx, input: MethodInput<'scorecard.create'>): Scorecard {
  return tx.db.transaction(() => {
    if (input.parentId !== null) {
      getScorecard(tx.db, input.parentId, 'parentId');
      checkHierarchyDepth(
        tx.db,
        'scorecard',
        { id: null, name: input.name },
        input.parentId,
        'parentId',
      );
    }
    const { id, parentId, name, description, position } = addScorecard(tx, input);
    return { id, parentId, name, description, position };
  })();
}

export function changeScorecard(tx: Tx, input: MethodInput<'scorecard.update'>): Scorecard {
  const { db } = tx;
  return db.transaction(() => {
    const before = getScorecard(db, input.id, 'id');
    const after: Scorecard = {
      ...before,
      name: input.name ?? before.name,
      description: input.description ?? before.description,
    };
    if (input.parentId !== undefined && input.parentId !== before.parentId) {
      if (input.parentId !== null) {
        getScorecard(db, input.parentId, 'parentId');
        checkMove(db, before, input.parentId);
        checkHierarchyDepth(db, 'scorecard', before, input.parentId, 'parentId');
      }
      after.parentId = input.parentId;
      after.position = nextPosition(db, 'scorecards', input.parentId);
    }
    updateScorecard(tx, before, after);
    return after;
  })();
}

/** Deletes a scorecard with its perspectives, objectives, KPIs, values and child scorecards. */
export function removeScorecard(tx: Tx, id: string): void {
  tx.db.transaction(() => {
    deleteScorecard(tx, getScorecard(tx.db, id, 'id'));
  })();
}
