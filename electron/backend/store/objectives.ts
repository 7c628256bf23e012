import type { Objective } from '@shared/domain/entities';
import type { Tx } from './change-log';
import { logCascade, scopeOfObjective } from './cascade';

// Writing objectives, each write with its change-log entry (reads: records.ts).

export function insertObjective({ db, changes }: Tx, objective: Objective): void {
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
}

export function updateObjective({ db, changes }: Tx, before: Objective, after: Objective): void {
  db.prepare(
    `UPDATE objectives SET perspective_id = ?, name = ?, description = ?, weight = ?, position = ?
     WHERE id = ?`,
  ).run(after.perspectiveId, after.name, after.description, after.weight, after.position, after.id);
  changes.recordUpdate('objective', after.id, before, after);
}

export function deleteObjective(tx: Tx, before: Objective): void {
  logCascade(tx, scopeOfObjective(tx.db, before.id));
  tx.db.prepare('DELETE FROM objectives WHERE id = ?').run(before.id);
  tx.changes.record('objective', before.id, 'delete', before, null);
}
