import type { Db } from './connection';
import { widenChangeLogEntities } from './change-log-entities';

// Health-check dismissals (issue 18 point 4): a finding the user has decided to live with,
// with the reason, kept in the workspace so everyone who opens the file sees the same list.
// A finding is named by its key (rule and subject id), so a dismissal outlives renames; a
// dismissal whose finding no longer holds is kept and simply not shown.

export function addHealthDismissals(db: Db): void {
  db.exec(`
    CREATE TABLE health_dismissals (
      id TEXT PRIMARY KEY,
      finding_key TEXT NOT NULL UNIQUE CHECK (length(finding_key) BETWEEN 1 AND 200),
      reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
      dismissed_at TEXT NOT NULL
    ) STRICT;
  `);
  widenChangeLogEntities(db, ['health_dismissal']);
}
