import { z } from 'zod';
import type { WorkspaceInfo } from '../domain/entities';
import { method, none } from './method';
import { filePathSchema, idSchema } from './schemas';

// Team sync on PostgreSQL (TEAM-SYNC.md, electron/backend/sync/). Merged into the one contract
// in contract.ts. A server address may carry a password: it is used for the call and never
// written to the workspace file.

export interface SyncStatus {
  /** The server's address without its password. */
  server: string;
  space: string;
  /** ISO timestamp of the last sync that finished, or null. */
  lastSyncedAt: string | null;
  /** Changes made here the server has not acknowledged yet. */
  waiting: number;
  /** Values and records whose latest edits did not see each other. */
  conflicts: number;
  /** Why the last sync failed, or null. */
  lastError: string | null;
  /**
   * What sync is doing for this workspace: `offline` while the server cannot be reached (the
   * background sync backs off), `password-needed` when the server refused the login and no
   * password is known, `failed` for any other refusal (lastError says which).
   */
  state: SyncState;
  /** ISO time of the background sync's next try, or null when none is planned. */
  nextTryAt: string | null;
}

export const SYNC_STATES = ['idle', 'syncing', 'offline', 'password-needed', 'failed'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

export interface SyncRun extends SyncStatus {
  role: 'owner' | 'editor' | 'viewer';
  sent: number;
  received: number;
}

/** One side of a conflict: a value or record as one person left it. */
export interface ConflictSide {
  changeId: string;
  /** The value or record written, or null for a delete. */
  value: unknown;
  /** The login that sent it, or null when written here and not sent yet. */
  author: string | null;
  deviceId: string;
  at: string;
  /** Whether this side is the one in the workspace now (the newest by clock). */
  current: boolean;
}

export interface SyncConflict {
  entity: string;
  entityId: string;
  sides: ConflictSide[];
}

export const serverUrlSchema = z
  .string({ error: 'Server address must be text' })
  .trim()
  .min(1, { error: 'Server address is required' })
  .max(2000, { error: 'Server address is too long' })
  .regex(/^postgres(ql)?:\/\//u, {
    error: 'Server address must start with postgres:// (postgres://USER@HOST:PORT/DATABASE)',
  });

export const spaceNameSchema = z
  .string({ error: 'Space name must be text' })
  .trim()
  .min(1, { error: 'Space name is required' })
  .max(200, { error: 'Space name is at most 200 characters' });

export const syncContract = {
  /** Sets an empty PostgreSQL database up for team sync, or brings it up to date. */
  'sync.initServer': method<{ server: string; applied: number[]; version: number }>()(
    z.strictObject({ url: serverUrlSchema }),
  ),
  /** Adds, changes (role) or removes (role null) a member of a space; owners only. */
  'sync.setMember': method<null>()(
    z.strictObject({
      url: serverUrlSchema,
      space: spaceNameSchema,
      member: z.string().trim().min(1, { error: 'Member login is required' }).max(63),
      role: z
        .enum(['owner', 'editor', 'viewer'], { error: 'Role must be owner, editor or viewer' })
        .nullable(),
    }),
  ),
  /** Makes a space on the server for the open workspace and sends its whole history. */
  'sync.share': method<SyncRun>()(z.strictObject({ url: serverUrlSchema, space: spaceNameSchema })),
  /**
   * A new workspace file at `path` with everything in the space; it becomes the open one.
   * Without `path`, the file goes into the workspaces folder named after the space (browser
   * mode's New workspace does the same).
   */
  'sync.join': method<{ workspace: WorkspaceInfo; sync: SyncRun }>()(
    z.strictObject({
      url: serverUrlSchema,
      space: spaceNameSchema,
      path: filePathSchema.optional(),
    }),
  ),
  /**
   * Sends and receives changes; `url` (the same address with a password) or `password` gives
   * the password when the server needs one. A password that works is kept in the computer's
   * credential store (desktop) or for the session (browser mode), never in the workspace file.
   */
  'sync.run': method<SyncRun>()(
    z.strictObject({
      url: serverUrlSchema.optional(),
      password: z
        .string({ error: 'Password must be text' })
        .min(1, { error: 'Enter the password' })
        .max(1000, { error: 'Password is too long' })
        .optional(),
    }),
  ),
  /** Where the open workspace stands in sync, or null when it is not shared. */
  'sync.status': method<SyncStatus | null>()(none),
  /** The values and records to review: each with the sides that did not see each other. */
  'sync.conflicts': method<SyncConflict[]>()(none),
  /**
   * Settles a conflict by keeping one side (`changeId`, one of its sides): a new change that
   * has seen every side, logged like any edit and sent at the next sync.
   */
  'sync.resolve': method<{ conflicts: number }>()(z.strictObject({ changeId: idSchema })),
} as const;
