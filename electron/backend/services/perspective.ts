import { ApiError } from '@shared/api/errors';
import type { MethodInput } from '@shared/api/contract';
import type { Perspective } from '@shared/domain/entities';
import type { Tx } from '../store/change-log';
import { newId } from '../store/ids';
import { deletePerspective, insertPerspective, updatePerspective } from '../store/perspectives';
import { getPerspective, getScorecard, listPerspectives, nextPosition } from '../store/records';

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

/** Adds a perspective at the end of its scorecard (which the caller checked exists). */
export function addPerspective(
  tx: Tx,
  fields: { scorecardId: string; name: string; weight: number },
): Perspective {
  const perspective: Perspective = {
    id: newId(),
    scorecardId: fields.scorecardId,
    name: fields.name,
    weight: fields.weight,
    position: nextPosition(tx.db, 'perspectives', fields.scorecardId),
  };
  insertPerspective(tx, perspective);
  return perspective;
}

export function createPerspective(tx: Tx, input: MethodInput<'perspective.create'>): Perspective {
  return tx.db.transaction(() => {
    getScorecard(tx.db, input.scorecardId, 'scorecardId');
    return addPerspective(tx, input);
  })();
}

export function changePerspective(tx: Tx, input: MethodInput<'perspective.update'>): Perspective {
  return tx.db.transaction(() => {
    const before = getPerspective(tx.db, input.id, 'id');
    const after: Perspective = {
      ...before,
      name: input.name ?? before.name,
      weight: input.weight ?? before.weight,
    };
    updatePerspective(tx, before, after);
    return after;
  })();
}

export function reorderPerspectives(
  tx: Tx,
  input: MethodInput<'perspective.reorder'>,
): Perspective[] {
  return tx.db.transaction(() => {
    getScorecard(tx.db, input.scorecardId, 'scorecardId');
    const before = listPerspectives(tx.db, input.scorecardId);
    checkSameSet('perspective', before, input.orderedIds);
    const byId = new Map(before.map((item) => [item.id, item]));
    input.orderedIds.forEach((id, position) => {
      const old = byId.get(id);
      if (old && old.position !== position) updatePerspective(tx, old, { ...old, position });
    });
    return listPerspectives(tx.db, input.scorecardId);
  })();
}

export function removePerspective(tx: Tx, id: string): void {
  tx.db.transaction(() => {
    deletePerspective(tx, getPerspective(tx.db, id, 'id'));
  })();
}
