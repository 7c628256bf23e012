import { v7 as uuidv7 } from 'uuid';
import { ApiError } from '@shared/api/errors';
import type { Perspective } from '@shared/domain/entities';
import {
  getPerspective,
  getScorecard,
  listPerspectives,
  nextPosition,
  writeOrder,
} from '../store/records';
import type { HandlerGroup } from './types';

// Perspectives of a scorecard: the balanced-scorecard lenses, renamable, weighted, reorderable.

/**
 * Checks that `orderedIds` lists exactly the current children, each once, so a reorder sent
 * from a stale screen cannot drop or duplicate one.
 */
export function checkSameSet(
  kind: string,
  current: readonly { id: string }[],
  orderedIds: readonly string[],
): void {
  const known = new Set(current.map((item) => item.id));
  const seen = new Set<string>();
  for (const [index, id] of orderedIds.entries()) {
    const field = `orderedIds.${index}`;
    if (!known.has(id))
      throw new ApiError({
        code: 'VALIDATION',
        field,
        message: `Order: ${id} is not one of the ${kind}s being ordered`,
      });
    if (seen.has(id))
      throw new ApiError({
        code: 'VALIDATION',
        field,
        message: `Order: ${id} is listed twice`,
      });
    seen.add(id);
  }
  if (seen.size !== known.size)
    throw new ApiError({
      code: 'VALIDATION',
      field: 'orderedIds',
      message: `Order: the new order lists ${seen.size} of the ${known.size} ${kind}s; list each exactly once`,
    });
}

export const perspectiveHandlers = {
  'perspective.create': (input, ctx) => {
    const { db, changes } = ctx.workspace();
    return db.transaction(() => {
      getScorecard(db, input.scorecardId, 'scorecardId');
      const perspective: Perspective = {
        id: uuidv7(),
        scorecardId: input.scorecardId,
        name: input.name,
        weight: input.weight,
        position: nextPosition(db, 'perspectives', input.scorecardId),
      };
      db.prepare(
        'INSERT INTO perspectives (id, scorecard_id, name, weight, position) VALUES (?, ?, ?, ?, ?)',
      ).run(
        perspective.id,
        perspective.scorecardId,
        perspective.name,
        perspective.weight,
        perspective.position,
      );
      changes.record('perspective', perspective.id, 'insert', null, perspective);
      return perspective;
    })();
  },

  'perspective.update': (input, ctx) => {
    const { db, changes } = ctx.workspace();
    return db.transaction(() => {
      const before = getPerspective(db, input.id, 'id');
      const after: Perspective = {
        ...before,
        name: input.name ?? before.name,
        weight: input.weight ?? before.weight,
      };
      db.prepare('UPDATE perspectives SET name = ?, weight = ? WHERE id = ?').run(
        after.name,
        after.weight,
        after.id,
      );
      changes.recordUpdate('perspective', after.id, before, after);
      return after;
    })();
  },

  'perspective.reorder': (input, ctx) => {
    const { db, changes } = ctx.workspace();
    return db.transaction(() => {
      getScorecard(db, input.scorecardId, 'scorecardId');
      const before = listPerspectives(db, input.scorecardId);
      checkSameSet('perspective', before, input.orderedIds);
      writeOrder(db, 'perspectives', input.orderedIds);
      const after = listPerspectives(db, input.scorecardId);
      for (const perspective of after) {
        const old = before.find((item) => item.id === perspective.id);
        if (old) changes.recordUpdate('perspective', perspective.id, old, perspective);
      }
      return after;
    })();
  },

  'perspective.delete': (input, ctx) => {
    const { db, changes } = ctx.workspace();
    db.transaction(() => {
      const before = getPerspective(db, input.id, 'id');
      db.prepare('DELETE FROM perspectives WHERE id = ?').run(input.id);
      changes.record('perspective', input.id, 'delete', before, null);
    })();
    return null;
  },
} satisfies HandlerGroup;
