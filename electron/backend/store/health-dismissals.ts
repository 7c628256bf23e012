import type { HealthDismissal } from '@shared/health/types';
import type { Db } from '../workspace/connection';
import type { Tx } from './change-log';
import { newId } from './ids';

// Health-check dismissals (migration "health check dismissals"), each write with its change-log entry.

interface DismissalRow {
  id: string;
  finding_key: string;
  reason: string;
  dismissed_at: string;
}

const toDismissal = (row: DismissalRow): HealthDismissal => ({
  id: row.id,
  findingKey: row.finding_key,
  reason: row.reason,
  dismissedAt: row.dismissed_at,
});

export function listDismissals(db: Db): HealthDismissal[] {
  return db
    .prepare<[], DismissalRow>('SELECT * FROM health_dismissals ORDER BY dismissed_at, id')
    .all()
    .map(toDismissal);
}

export function findDismissal(db: Db, findingKey: string): HealthDismissal | null {
  const row = db
    .prepare<[string], DismissalRow>('SELECT * FROM health_dismissals WHERE finding_key = ?')
    .get(findingKey);
  return row ? toDismissal(row) : null;
}

export function insertDismissal(
  { db, changes }: Tx,
  fields: { findingKey: string; reason: string },
  now: string,
): HealthDismissal {
  const dismissal: HealthDismissal = { id: newId(), ...fields, dismissedAt: now };
  db.prepare(
    `INSERT INTO health_dismissals (id, finding_key, reason, dismissed_at)
     VALUES (@id, @findingKey, @reason, @dismissedAt)`,
  ).run(dismissal);
  changes.record('health_dismissal', dismissal.id, 'insert', null, dismissal);
  return dismissal;
}

export function deleteDismissal({ db, changes }: Tx, before: HealthDismissal): void {
  db.prepare('DELETE FROM health_dismissals WHERE id = ?').run(before.id);
  changes.record('health_dismissal', before.id, 'delete', before, null);
}
