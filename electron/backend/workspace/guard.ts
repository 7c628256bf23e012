import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync, unlinkSync } from 'node:fs';
import { ApiError } from '@shared/api/errors';
import { fileLabel, isBusy, lockedError, sqliteCode } from './connection';
import { APPLICATION_ID } from './migrations';
import type { Db } from './connection';

// Decides whether a file may be opened for writing, without changing a byte of it: a file that
// is not ours, is damaged, or was written by a newer app is refused and left exactly as found.

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

const notAWorkspace = (path: string, why: string) =>
  new ApiError({
    code: 'NOT_A_WORKSPACE',
    message: `${fileLabel(path)} is not a KPI Scorecard workspace (${why}).`,
  });

const damaged = (path: string, detail: string) =>
  new ApiError({
    code: 'NOT_A_WORKSPACE',
    message: `${fileLabel(path)} is damaged and cannot be opened (${detail}). The file was left unchanged; open a backup copy instead.`,
  });

const fileError = (message: string) => new ApiError({ code: 'FILE_ERROR', message });

/** Checks that `path` is an existing, readable file starting with the SQLite header. */
export function checkSqliteHeader(path: string): void {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw fileError(`"${path}" is a folder, not a workspace file.`);
    if (!stat.isFile()) throw fileError(`"${path}" is not a regular file.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw fileError(`${fileLabel(path)} does not exist (looked for "${path}").`);
    throw fileError(`${fileLabel(path)} cannot be read (check its permissions).`);
  }
  if (size === 0) throw notAWorkspace(path, 'the file is empty');

  const header = Buffer.alloc(SQLITE_MAGIC.length);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw fileError(`${fileLabel(path)} cannot be read (check its permissions).`);
  }
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (!header.equals(SQLITE_MAGIC)) throw notAWorkspace(path, 'it is not an SQLite database');
}

/**
 * Runs `read` on a read-only connection to `path` that lives for this one read, and leaves no
 * trace: a read-only connection to a WAL file creates `-wal`/`-shm` files, and those we made
 * are removed again. Errors (a busy file, a damaged one) reach the caller, which words them.
 */
export function withReadOnlyConnection<T>(
  path: string,
  nativeBinding: string | undefined,
  read: (db: Db) => T,
): T {
  const sideFiles = [`${path}-wal`, `${path}-shm`];
  const existedBefore = sideFiles.map((file) => existsSync(file));
  let db: Db | undefined;
  try {
    db = new Database(path, {
      readonly: true,
      fileMustExist: true,
      timeout: 0,
      ...(nativeBinding === undefined ? {} : { nativeBinding }),
    });
    return read(db);
  } finally {
    db?.close();
    removeSideFilesWeMade(sideFiles, existedBefore);
  }
}

/**
 * Opens the file read-only and returns its schema version once it is known to be an intact
 * workspace this app can read; a refused file is left exactly as found.
 */
export function inspectWorkspace(
  path: string,
  options: { maxVersion: number; nativeBinding: string | undefined },
): number {
  checkSqliteHeader(path);
  try {
    return withReadOnlyConnection(path, options.nativeBinding, (db) => {
      if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID)
        throw notAWorkspace(path, 'it is an SQLite database made by another program');
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > options.maxVersion)
        throw new ApiError({
          code: 'NEWER_VERSION',
          message: `${fileLabel(path)} was written by a newer version of KPI Scorecard (schema ${version}, this app reads up to ${options.maxVersion}); update the app to open it. The file was left unchanged.`,
        });
      if (version < 1) throw damaged(path, 'it was never completely created');
      const rows = db.pragma('quick_check') as { quick_check: string }[];
      const verdict = rows[0]?.quick_check ?? 'no answer from the integrity check';
      if (verdict !== 'ok') throw damaged(path, verdict);
      return version;
    });
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (isBusy(error)) throw lockedError(path);
    const code = sqliteCode(error);
    if (code === 'SQLITE_NOTADB') throw notAWorkspace(path, 'it is not an SQLite database');
    if (code !== null) throw damaged(path, error instanceof Error ? error.message : code);
    throw error;
  }
}

function removeSideFilesWeMade(sideFiles: string[], existedBefore: boolean[]): void {
  const [wal, shm] = sideFiles as [string, string];
  const [walBefore, shmBefore] = existedBefore as [boolean, boolean];
  try {
    // A non-empty WAL we did not find means someone else is writing: leave everything alone.
    if (!walBefore && existsSync(wal)) {
      if (statSync(wal).size > 0) return;
      unlinkSync(wal);
    }
    if (!shmBefore && existsSync(shm)) unlinkSync(shm);
  } catch {
    // Best effort: a leftover empty side file is harmless to SQLite.
  }
}
