import type { MethodInput } from '@shared/api/contract';
import type { Objective } from '@shared/domain/entities';
import type { Tx } from '../store/change-log';
import { newId } from '../store/ids';
import { deleteObjective, insertObjective, updateObjective } from '../store/objectives';
import { getObjective, getPerspective, listObjectives, nextPosition } from '../store/records';
import { checkSameSet } from './perspective';

// Objectives: the strategic goals inside a perspective, weighted and ordered.

/** Adds an objective at the end of its perspective (which the caller checked exists). */
export function addObjective(tx: Tx, fields: Omit<Objective, 'id' | 'position'>): Objective {
  const objective: Objective = {
    id: newId(),
    perspectiveId: fields.perspectiveId,
    name: fields.name,
    description: fields.description,
    weight: fields.weight,
    position: nextPosition(tx.db, 'objectives', fields.perspectiveId),
  };
  insertObjective(tx, objective);
  return objective;
}

export function createObjective(tx: Tx, input: MethodInput<'objective.create'>): Objective {
  return tx.db.transaction(() => {
    getPerspective(tx.db, input.perspectiveId, 'perspectiveId');
    return addObjective(tx, input);
  })();
}

export function changeObjective(tx: Tx, input: MethodInput<'objective.update'>): Objective {
  const { db } = tx;
  return db.transaction(() => {
    const before = getObjective(db, input.id, 'id');
    const after: Objective = {
      ...before,
      name: input.name ?? before.name,
      description: input.description ?? before.description,
      weight: input.weight ?? before.weight,
    };
    if (input.perspectiveId !== undefined && input.perspectiveId !== before.perspectiveId) {
      getPerspective(db, input.perspectiveId, 'perspectiveId');
      after.perspectiveId = input.perspectiveId;
      after.position = nextPosition(db, 'objectives', input.perspectiveId);
    }
    updateObjective(tx, before, after);
    return after;
  })();
}

export function reorderObjectives(tx: Tx, input: MethodInput<'objective.reorder'>): Objective[] {
  return tx.db.transaction(() => {
    getPerspective(tx.db, input.perspectiveId, 'perspectiveId');
    const before = listObjectives(tx.db, input.perspectiveId);
    checkSameSet('objective', before, input.orderedIds);
    const byId = new Map(before.map((item) => [item.id, item]));
    input.orderedIds.forEach((id, position) => {
      const old = byId.get(id);
      if (old && old.position !== position) updateObjective(tx, old, { ...old, position });
    });
    return listObjectives(tx.db, input.perspectiveId);
  })();
}

export function removeObjective(tx: Tx, id: string): void {
  tx.db.transaction(() => {
    deleteObjective(tx, getObjective(tx.db, id, 'id'));
  })();
}
