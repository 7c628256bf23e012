import type { Perspective } from '@shared/domain/entities';
import type { Tx } from './change-log';
import { logCascade, scopeOfPerspective } from './cascade';

// Writing perspectives, each write with its change-log entry (reads: records.ts).

export function insertPerspective({ db, changes }: Tx, perspective: Perspective): void {
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
}

/** Name, weight and position (a perspective stays in its scorecard). */
export function updatePerspective(
  { db, changes }: Tx,
  before: Perspective,
  after: Perspective,
): void {
  db.prepare('UPDATE perspectives SET name = ?, weight = ?, position = ? WHERE id = ?').run(
    after.name,
    after.weight,
    after.position,
    after.id,
  );
  changes.recordUpdate('perspective', after.id, before, after);
}

export function deletePerspective(tx: Tx, before: Perspective): void {
  logCascade(tx, scopeOfPerspective(tx.db, before.id));
  tx.db.prepare('DELETE FROM perspectives WHERE id = ?').run(before.id);
  tx.changes.record('perspective', before.id, 'delete', before, null);
}
