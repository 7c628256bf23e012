import { v7 as uuidv7 } from 'uuid';
import { ApiError } from '@shared/api/errors';
import type { Scorecard } from '@shared/domain/entities';
import { depthFirst } from '@shared/domain/hierarchy';
import { checkHierarchyDepth } from '../store/hierarchy-depth';
import { getScorecard, listAllScorecards, nextPosition } from '../store/records';
import type { Db } from '../workspace/migrations';
import type { Workspace } from '../workspace/workspace';
import type { HandlerGroup } from './types';

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

export function insertScorecard(
  workspace: Workspace,
  fields: { name: string; description: string; parentId: string | null },
  perspectives: readonly { name: string; weight: number }[] = DEFAULT_PERSPECTIVES,
): Scorecard & { perspectiveIds: string[] } {
  const { db, changes } = workspace;
  const card: Scorecard = {
    id: uuidv7(),
    parentId: fields.parentId,
    name: fields.name,
    description: fields.description,
    position: nextPosition(db, 'scorecards', fields.parentId),
  };
  db.prepare(
    'INSERT INTO scorecards (id, parent_id, name, description, position) VALUES (?, ?, ?, ?, ?)',
  ).run(card.id, card.parentId, card.name, card.description, card.position);
  changes.record('scorecard', card.id, 'insert', null, card);
  const insert = db.prepare(
    'INSERT INTO perspectives (id, scorecard_id, name, weight, position) VALUES (?, ?, ?, ?, ?)',
  );
  const perspectiveIds = perspectives.map(({ name, weight }, position) => {
    const perspective = { id: uuidv7(), scorecardId: card.id, name, weight, position };
    insert.run(perspective.id, card.id, name, weight, position);
    changes.record('perspective', perspective.id, 'insert', null, perspective);
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

export const scorecardHandlers = {
  'scorecard.list': (_input, ctx) => treeOrder(listAllScorecards(ctx.workspace().db)),

  'scorecard.create': (input, ctx) => {
    const workspace = ctx.workspace();
    return workspace.db.transaction(() => {
      if (input.parentId !== null) {
        getScorecard(workspace.db, input.parentId, 'parentId');
        checkHierarchyDepth(
          workspace.db,
          'scorecard',
          { id: null, name: input.name },
          input.parentId,
          'parentId',
        );
      }
      const { id, parentId, name, description, position } = insertScorecard(workspace, input);
      return { id, parentId, name, description, position };
    })();
  },

  'scorecard.update': (input, ctx) => {
    const { db, changes } = ctx.workspace();
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
      db.prepare(
        'UPDATE scorecards SET parent_id = ?, name = ?, description = ?, position = ? WHERE id = ?',
      ).run(after.parentId, after.name, after.description, after.position, after.id);
      changes.recordUpdate('scorecard', after.id, before, after);
      return after;
    })();
  },

  'scorecard.delete': (input, ctx) => {
    const { db, changes } = ctx.workspace();
    db.transaction(() => {
      const before = getScorecard(db, input.id, 'id');
      // Perspectives, objectives, KPIs, values and child scorecards go with it (ON DELETE
      // CASCADE); the log records the deletion of the scorecard, which implies the rest.
      db.prepare('DELETE FROM scorecards WHERE id = ?').run(input.id);
      changes.record('scorecard', input.id, 'delete', before, null);
    })();
    return null;
  },
} satisfies HandlerGroup;
