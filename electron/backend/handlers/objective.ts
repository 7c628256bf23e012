import { v7 as uuidv7 } from 'uuid';
import type { Objective } from '@shared/domain/entities';
import {
  getObjective,
  getPerspective,
  listObjectives,
  nextPosition,
  writeOrder,
} from '../store/records';
import type { Workspace } from '../workspace/workspace';
import { checkSameSet } from './perspective';
import type { HandlerGroup } from './types';

// Objectives: the strategic goals inside a perspective, weighted and ordered.

/** Adds an objective at the end of its perspective (which the caller checked exists). */
export function insertObjective(
  { db, changes }: Workspace,
  fields: Omit<Objective, 'id' | 'position'>,
): Objective {
  const objective: Objective = {
    id: uuidv7(),
    perspectiveId: fields.perspectiveId,
    name: fields.name,
    description: fields.description,
    weight: fields.weight,
    position: nextPosition(db, 'objectives', fields.perspectiveId),
  };
  db.prepare(
    `INSERT INTO objectives (id, perspective_id, name, description, weight, position)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    objective.id,
    objective.perspectiveId,
    objective.name,
    objective.description,
    objective.weight,
    objective.position,
  );
  changes.record('objective', objective.id, 'insert', null, objective);
  return objective;
}

export const objectiveHandlers = {
  'objective.create': (input, ctx) => {
    const workspace = ctx.workspace();
    return workspace.db.transaction(() => {
      getPerspective(workspace.db, input.perspectiveId, 'perspectiveId');
      return insertObjective(workspace, input);
    })();
  },

  'objective.update': (input, ctx) => {
    const { db, changes } = ctx.workspace();
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
      db.prepare(
        `UPDATE objectives SET perspective_id = ?, name = ?, description = ?, weight = ?, position = ?
         WHERE id = ?`,
      ).run(
        after.perspectiveId,
        after.name,
        after.description,
        after.weight,
        after.position,
        after.id,
      );
      changes.recordUpdate('objective', after.id, before, after);
      return after;
    })();
  },

  'objective.reorder': (input, ctx) => {
    const { db, changes } = ctx.workspace();
    return db.transaction(() => {
      getPerspective(db, input.perspectiveId, 'perspectiveId');
      const before = listObjectives(db, input.perspectiveId);
      checkSameSet('objective', before, input.orderedIds);
      writeOrder(db, 'objectives', input.orderedIds);
      const after = listObjectives(db, input.perspectiveId);
      for (const objective of after) {
        const old = before.find((item) => item.id === objective.id);
        if (old) changes.recordUpdate('objective', objective.id, old, objective);
      }
      return after;
    })();
  },

  'objective.delete': (input, ctx) => {
    const { db, changes } = ctx.workspace();
    db.transaction(() => {
      const before = getObjective(db, input.id, 'id');
      db.prepare('DELETE FROM objectives WHERE id = ?').run(input.id);
      changes.record('objective', input.id, 'delete', before, null);
    })();
    return null;
  },
} satisfies HandlerGroup;
