import type { ApiResult } from '@shared/api/errors';
import type { ServerEventListener } from '@shared/api/events';
import type { FileAccess } from './files/access';
import type { CredentialStore } from './sync/credentials';
import type { SchedulerTiming } from './sync/scheduler';

// What the backend needs from whoever hosts it (the Electron main process or the browser-mode
// server), injected so the backend runs and is tested in plain Node (STYLE.md pattern 5).

export interface Clock {
  now(): Date;
}

export interface BackendOptions {
  mode: 'desktop' | 'browser';
  appVersion: string;
  /** The app's own data folder: settings, recent list, default workspaces folder. */
  dataDir: string;
  /** Where new workspaces go when no path is given (browser mode), and the sample copy. */
  workspacesDir: string;
  /** The shipped sample workspace data (resources/sample/sample-workspace.json). */
  samplePath: string;
  /**
   * The app's resources folder, holding the KPI library (library/) and the shipped templates
   * (templates/); left out, the folder the sample sits in is taken to be inside it.
   */
  resourcesDir?: string;
  /** Who is entering values ("enteredBy"), e.g. the OS user name. */
  userName: string;
  clock?: Clock;
  /**
   * The bundled import worker script (out/main/import-worker.js). Left out, files are read on
   * the calling thread, which only tests of the parsing itself should do.
   */
  importWorkerPath?: string;
  /**
   * Path of the better-sqlite3 native addon to load. Electron needs a build for its own ABI
   * while tests and browser mode use Node's; leaving it out uses the package's default build.
   */
  nativeBinding?: string;
  /**
   * Which files the page may name (files/access.ts): every host chooses one; only tests and
   * tools that are themselves the user pass `unrestrictedFileAccess`.
   */
  fileAccess: FileAccess;
  /** A daily backup of a workspace when it is opened (backups/); on unless false. */
  automaticBackups?: boolean;
  /**
   * Where sync servers' passwords are kept (sync/credentials.ts); left out, in memory for the
   * session. The desktop passes one backed by the OS's credential store.
   */
  credentials?: CredentialStore;
  /**
   * Syncs a shared workspace by itself while it is open (sync/background.ts): on for the
   * hosts a person uses (desktop, browser mode), off for the command line and most tests.
   */
  backgroundSync?: Partial<SchedulerTiming> | false;
  /** Where unexpected errors are reported (their details never reach the user). */
  log?: (message: string, error?: unknown) => void;
}

export interface Backend {
  /** Validates `params` against the contract for `method`, runs it, and never throws. */
  dispatch(method: string, params: unknown): Promise<ApiResult<unknown>>;
  /** Listens to what the backend pushes (`shared/api/events.ts`); returns the unsubscribe. */
  subscribe(listener: ServerEventListener): () => void;
  /** Closes the open workspace (releasing its lock). */
  close(): void;
}
