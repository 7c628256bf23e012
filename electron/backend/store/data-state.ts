import type { Statement } from 'better-sqlite3';
import type { Db } from '../workspace/connection';

// Answers computed from a workspace's data, kept until the data may have changed. The token is
// this connection's count of rows written (total_changes, which only grows, also for writes
// later rolled back) and SQLite's data_version (which moves when another connection commits,
// such as the import worker's). A reused answer is therefore never older than the data.

const tokens = new WeakMap<Db, Statement<[], string>>();

/** A token that differs from every earlier one once anything may have been written. */
export function dataState(db: Db): string {
  let statement = tokens.get(db);
  if (!statement) {
    statement = db
      .prepare<[], string>(
        "SELECT total_changes() || ':' || data_version FROM pragma_data_version()",
      )
      .pluck();
    tokens.set(db, statement);
  }
  return statement.get() as string;
}

interface Entry {
  state: string;
  value: unknown;
}

export type DataStateMemo = <T>(db: Db, key: string, keep: boolean, compute: () => T) => T;

/**
 * A memo of answers kept per connection, the oldest dropped first beyond `kept` of them: few
 * for large answers (a whole scorecard's evaluation), more for small ones.
 */
export function createDataStateMemo(kept: number): DataStateMemo {
  const memos = new WeakMap<Db, Map<string, Entry>>();
  return <T>(db: Db, key: string, keep: boolean, compute: () => T): T => {
    let memo = memos.get(db);
    if (!memo) {
      memo = new Map();
      memos.set(db, memo);
    }
    const state = dataState(db);
    const hit = memo.get(key);
    if (hit?.state === state) return hit.value as T;
    const value = compute();
    if (keep) {
      memo.delete(key);
      memo.set(key, { state, value });
      if (memo.size > kept) memo.delete(memo.keys().next().value as string);
    }
    return value;
  };
}

/**
 * `compute()`, or its answer for the same `key` while the data has not changed. Call it inside
 * the transaction that reads the data. `keep`: false when the caller's transaction may hold
 * writes not committed yet (an outer transaction): such an answer could outlive a rollback,
 * so it is used but not kept; answers kept earlier are still reused (any write moves the
 * token, so they cannot match data that differs). Up to 16 answers are kept per connection.
 */
export const memoByDataState: DataStateMemo = createDataStateMemo(16);
