import { existsSync, statSync, unlinkSync } from 'node:fs';
import { dirname, isAbsolute } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { ApiError } from '@shared/api/errors';
import { fileLabel, lockedError, openLockedConnection } from './connection';
import { inspectWorkspace } from './guard';
import {
  APPLICATION_ID,
  latestVersion,
  migrate,
  MigrationError,
  schemaVersionOf,
  type Migration,
} from './migrations';
import type { Db } from './connection';
import { holdInProcess, isHeldInProcess, releaseInProcess } from './registry';
import { Workspace, writeMeta } from './workspace';

// Creating and opening workspace files: the only code that decides whether a file on disk may
// be written.

export interface FileEnv {
  migrations: readonly Migration[];
  nativeBinding: string | undefined;
  deviceId: string;
  /** The current time as an ISO string. */
  now: () => string;
}

export const WORKSPACE_EXTENSION = '.kpis';

export function requireAbsolutePath(path: string): void {
  if (!isAbsolute(path))
    throw new ApiError({
      code: 'VALIDATION',
      field: 'path',
      message: `File path: "${path}" must be a full path (starting at the root of a drive)`,
    });
}

function removeQuietly(path: string): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) {
    try {
      unlinkSync(file);
    } catch {
      // Not there: nothing to clean.
    }
  }
}

/**
 * Writes a new workspace file at `path` (which must not exist) in one transaction: schema,
 * metadata and `seed` (the sample's content, say) all land, or the file is removed again.
 */
export function createWorkspaceFile(
  path: string,
  name: string,
  env: FileEnv,
  seed?: (workspace: Workspace) => void,
): Workspace {
  requireAbsolutePath(path);
  if (existsSync(path))
    throw new ApiError({
      code: 'CONFLICT',
      field: 'path',
      message: `${fileLabel(path)} already exists. Choose another name, or open that file instead.`,
    });
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new ApiError({
      code: 'FILE_ERROR',
      field: 'path',
      message: `The folder "${folder}" does not exist.`,
    });

  const lockKey = holdInProcess(path);
  let db: Db | undefined;
  try {
    db = openLockedConnection(path, { create: true, nativeBinding: env.nativeBinding });
    const ready = db;
    return ready.transaction(() => {
      migrate(ready, env.migrations);
      writeMeta(ready, 'id', uuidv7());
      writeMeta(ready, 'name', name);
      writeMeta(ready, 'created_at', env.now());
      writeMeta(ready, 'fiscal_year_start_month', '1');
      const workspace = new Workspace({
        ...env,
        db: ready,
        path,
        lockKey,
        migratedFrom: null,
        backupPath: null,
      });
      seed?.(workspace);
      return workspace;
    })();
  } catch (error) {
    db?.close();
    releaseInProcess(lockKey);
    removeQuietly(path);
    throw error;
  }
}

function backupName(path: string, version: number, nowIso: string): string {
  const stamp = nowIso.replace(/[-:]/g, '').replace(/\.\d+/, '');
  return `${path}.v${version}-backup-${stamp}${WORKSPACE_EXTENSION}`;
}

/**
 * Opens an existing workspace for writing. The file is inspected read-only first and refused
 * untouched if it is not ours, damaged or newer; an older file is copied with SQLite's online
 * backup before it is migrated.
 */
export async function openWorkspaceFile(path: string, env: FileEnv): Promise<Workspace> {
  requireAbsolutePath(path);
  if (isHeldInProcess(path)) throw lockedError(path);
  const maxVersion = latestVersion(env.migrations);
  inspectWorkspace(path, { maxVersion, nativeBinding: env.nativeBinding });

  const lockKey = holdInProcess(path);
  let db: Db | undefined;
  try {
    db = openLockedConnection(path, { create: false, nativeBinding: env.nativeBinding });
    // Read again under the lock: another program may have changed the file in between.
    const version = schemaVersionOf(db);
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID || version > maxVersion)
      throw new ApiError({
        code: 'NOT_A_WORKSPACE',
        message: `${fileLabel(path)} was changed by another program while it was being opened. Try again.`,
      });
    let migratedFrom: number | null = null;
    let backupPath: string | null = null;
    if (version < maxVersion) {
      backupPath = backupName(path, version, env.now());
      await db.backup(backupPath);
      runMigrations(db, path, env.migrations, backupPath);
      migratedFrom = version;
    }
    return new Workspace({ ...env, db, path, lockKey, migratedFrom, backupPath });
  } catch (error) {
    db?.close();
    releaseInProcess(lockKey);
    throw error;
  }
}

function runMigrations(db: Db, path: string, migrations: readonly Migration[], backupPath: string) {
  try {
    migrate(db, migrations);
  } catch (error) {
    if (!(error instanceof MigrationError)) throw error;
    const reason = error.cause instanceof Error ? error.cause.message : String(error.cause);
    throw new ApiError({
      code: 'FILE_ERROR',
      message: `${fileLabel(path)} could not be upgraded to schema ${error.failedVersion} (${reason}). It was left at schema ${error.reachedVersion}; a copy taken before the upgrade is at "${backupPath}".`,
    });
  }
}
