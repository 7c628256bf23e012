import type { ChangeEntity } from '../domain/entities';
import type { SyncStatus } from './contract-sync';

// Server → page pushes (STYLE.md pattern 13): one typed map, carried over IPC under Electron and
// Server-Sent Events in browser mode. The backend says what changed; each renderer store knows
// which of those it shows and fetches again. No view patches its own copy.

export interface ServerEvents {
  /**
   * Data of the open workspace changed: the kinds of entity written (as the change log names
   * them) and the scorecards touched, or null when the change was not narrowed to scorecards.
   */
  changed: { entities: ChangeEntity[]; scorecardIds: string[] | null };
  /** A workspace was opened, created or closed (path null: none is open). */
  workspace: { path: string | null };
  /** Progress of a long job, for its progress bar. `total` null: not known yet. */
  progress: {
    job: 'import' | 'export' | 'report' | 'backup' | 'sync';
    /** The job's id (an import's `jobId`), so a view follows only its own job. */
    id: string;
    /** The job's phase as its status names it (an import: reading, ready, applying, applied…). */
    phase: string;
    done: number;
    total: number | null;
  };
  /** The reminders inbox may have changed (done, snoozed, a new alert). */
  reminders: { count: number | null };
  /** Where the open workspace stands in team sync (null: it is not shared, or none is open). */
  sync: { status: SyncStatus | null };
}

export type ServerEventName = keyof ServerEvents;

export type ServerEvent = {
  [K in ServerEventName]: { name: K; payload: ServerEvents[K] };
}[ServerEventName];

export type ServerEventListener = (event: ServerEvent) => void;

export const SERVER_EVENT_NAMES = [
  'changed',
  'workspace',
  'progress',
  'reminders',
  'sync',
] as const satisfies readonly ServerEventName[];
