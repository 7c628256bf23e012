import type { Scorecard } from '@shared/domain/entities';
import type { Tx } from './change-log';
import { logCascade, scopeOfScorecard } from './cascade';

// Writing scorecards, each write with its change-log entry (reads: records.ts).

export function insertScorecard({ db, changes }: Tx, card: Scorecard): void {
  db.prepare(
    'INSERT INTO scorecards (id, parent_id, name, description, position) VALUES (?, ?, ?, ?, ?)',
  ).run(card.id, card.parentId, card.name, card.description, card.position);
  changes.record('scorecard', card.id, 'insert', null, card);
}

/**
 * Inserts many at once, parents possibly after their children (a package lists them by id):
 * the rows go in without parents, then the links are set, each logged with its final record.
 */
export function insertScorecards({ db, changes }: Tx, cards: readonly Scorecard[]): void {
  const insert = db.prepare(
    'INSERT INTO scorecards (id, parent_id, name, description, position) VALUES (?, NULL, ?, ?, ?)',
  );
  for (const card of cards) insert.run(card.id, card.name, card.description, card.position);
  const setParent = db.prepare('UPDATE scorecards SET parent_id = ? WHERE id = ?');
  for (const card of cards) {
    if (card.parentId !== null) setParent.run(card.parentId, card.id);
    changes.record('scorecard', card.id, 'insert', null, card);
  }
}

export function updateScorecard({ db, changes }: Tx, before: Scorecard, after: Scorecard): void {
  db.prepare(
    'UPDATE scorecards SET parent_id = ?, name = ?, description = ?, position = ? WHERE id = ?',
  ).run(after.parentId, after.name, after.description, after.position, after.id);
  changes.recordUpdate('scorecard', after.id, before, after);
}

/** Deletes a scorecard and everything below it, logging each record that goes. */
export function deleteScorecard(tx: Tx, before: Scorecard): void {
  logCascade(tx, scopeOfScorecard(tx.db, before.id));
  tx.db.prepare('DELETE FROM scorecards WHERE id = ?').run(before.id);
  tx.changes.record('scorecard', before.id, 'delete', before, null);
}
