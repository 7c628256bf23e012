import type { WorkspaceInfo } from '@shared/domain/entities';
import { ChangeLog } from '../store/change-log';
import { schemaVersionOf, type Db } from './migrations';
import { releaseInProcess } from './registry';

// One open workspace file: its locked connection, its change log and its metadata.

export type MetaKey = 'id' | 'name' | 'created_at' | 'fiscal_year_start_month';

export interface WorkspaceMeta {
  id: string;
  name: string;
  createdAt: string;
  fiscalYearStartMonth: number;
}

export function writeMeta(db: Db, key: MetaKey, value: string): void {
  db.prepare(
    'INSERT INTO workspace_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

export function readMeta(db: Db): WorkspaceMeta {
  const rows = db
    .prepare<[], { key: string; value: string }>('SELECT key, value FROM workspace_meta')
    .all();
  const meta = new Map(rows.map((row) => [row.key, row.value]));
  const month = Number(meta.get('fiscal_year_start_month') ?? '1');
  return {
    id: meta.get('id') ?? '',
    name: meta.get('name') ?? '',
    createdAt: meta.get('created_at') ?? '',
    fiscalYearStartMonth: Number.isInteger(month) && month >= 1 && month <= 12 ? month : 1,
  };
}

export interface WorkspaceSetup {
  db: Db;
  path: string;
  lockKey: string;
  deviceId: string;
  now: () => string;
  migratedFrom: number | null;
  backupPath: string | null;
}

export class Workspace {
  readonly db: Db;
  readonly path: string;
  readonly changes: ChangeLog;
  private readonly lockKey: string;
  private readonly migratedFrom: number | null;
  private readonly backupPath: string | null;
  private closed = false;

  constructor(setup: WorkspaceSetup) {
    this.db = setup.db;
    this.path = setup.path;
    this.lockKey = setup.lockKey;
    this.migratedFrom = setup.migratedFrom;
    this.backupPath = setup.backupPath;
    this.changes = new ChangeLog(setup.db, setup.deviceId, setup.now);
  }

  meta(): WorkspaceMeta {
    return readMeta(this.db);
  }

  info(): WorkspaceInfo {
    const meta = this.meta();
    return {
      path: this.path,
      name: meta.name,
      id: meta.id,
      schemaVersion: schemaVersionOf(this.db),
      fiscalYearStartMonth: meta.fiscalYearStartMonth,
      createdAt: meta.createdAt,
      migratedFrom: this.migratedFrom,
      backupPath: this.backupPath,
    };
  }

  /** Checkpoints the WAL into the file, releases the lock, and removes the `-wal` file. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.db.close();
    } finally {
      releaseInProcess(this.lockKey);
    }
  }
}
