import Database from 'better-sqlite3';
import { basename } from 'node:path';
import { ApiError } from '@shared/api/errors';

// Every read-write connection to a workspace file is made here, so the pragmas that keep a
// file safe are set in one place (STYLE.md pattern 8).

/** A connection to a workspace file (or to a scratch database of the same schema). */
export type Db = Database.Database;

export function fileLabel(path: string): string {
  return `"${basename(path)}"`;
}

export function lockedError(path: string): ApiError {
  return new ApiError({
    code: 'WORKSPACE_LOCKED',
    message: `${fileLabel(path)} is open in another KPI Scorecard window or program. Close it there, then try again.`,
  });
}

export function sqliteCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const { code } = error;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

export function isBusy(error: unknown): boolean {
  const code = sqliteCode(error);
  return code !== null && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * Opens `path` for reading and writing and keeps it to ourselves until closed: in EXCLUSIVE
 * locking mode SQLite keeps the write lock once taken, and `BEGIN IMMEDIATE` takes it now
 * (with no busy wait), so a second window or process gets WORKSPACE_LOCKED instead of
 * interleaving writes. EXCLUSIVE mode also keeps the WAL index in memory: no `-shm` file.
 */
export function openLockedConnection(
  path: string,
  options: { create: boolean; nativeBinding: string | undefined },
): Db {
  const db = new Database(path, {
    fileMustExist: !options.create,
    timeout: 0,
    ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
  });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.exec('BEGIN IMMEDIATE; COMMIT');
    db.pragma('foreign_keys = ON');
    // WAL's default (NORMAL) survives a crash of the app but not a power cut or OS crash: the
    // last commits the app called saved could roll back. FULL syncs the WAL at every commit;
    // about 0.3–0.6 ms more per write on our build machine (README.md, "Where your data lives").
    db.pragma('synchronous = FULL');
    // Nobody else can hold the lock now; a short wait only covers our own checkpoints.
    db.pragma('busy_timeout = 250');
    return db;
  } catch (error) {
    db.close();
    if (isBusy(error)) throw lockedError(path);
    throw error;
  }
}
