import type { Db } from '../../workspace/connection';

// Optional package sections map to tables that only newer workspace schemas have.

export function hasTable(db: Db, name: string): boolean {
  return (
    db
      .prepare<[string], { n: number }>(
        "SELECT 1 AS n FROM sqlite_master WHERE type = 'table' AND name = ?",
      )
      .get(name) !== undefined
  );
}
