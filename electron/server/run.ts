import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { browserFileAccess } from '../backend/files/access';
import type { Backend, BackendOptions } from '../backend/platform';
import type { SchedulerTiming } from '../backend/sync/scheduler';
import { USAGE, USUAL_PORT, parseServerArgs } from './args';
import { defaultDataDir } from './data-dir';
import { startBrowserHost, type BrowserHost } from './host';
import { instanceUploads } from './upload-folder';
import { releasingUploads } from './upload-release';
import { openInBrowser, reasonNotToOpen } from './open-browser';
import { openInitialWorkspace, type InitialWorkspace } from './startup';

// Browser mode from flags to a listening host, with everything the process provides injected so
// tests run it in-process with a fake backend and a temp folder.

export interface RunContext {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  homeDir: string;
  userName: string;
  cwd: string;
  /** The app's root: the folder with package.json, out/renderer and resources/. */
  appRoot: string;
  createBackend: (options: BackendOptions) => Backend;
  print: (line: string) => void;
  printError: (line: string) => void;
  openUrl?: (url: string) => Promise<string | null>;
  /** The port used when no --port or KPIS_PORT is given (USUAL_PORT; 0 is any free port);
   * set only by tests. */
  usualPort?: number;
}

export interface RunningServer {
  host: BrowserHost;
  backend: Backend;
  dataDir: string;
  /** Closes the workspace (releasing its lock) and the server. */
  stop(): Promise<void>;
}

/** A running server, or the exit code when the process should end at once (help, bad flags). */
export async function runServer(
  context: RunContext,
): Promise<{ server: RunningServer } | { exitCode: number }> {
  const parsed = parseServerArgs(context.argv, context.env);
  if (!parsed.ok) {
    context.printError(`${parsed.message}\n\n${USAGE}`);
    return { exitCode: 2 };
  }
  const args = parsed.args;
  if (args.help) {
    context.print(USAGE);
    return { exitCode: 0 };
  }

  const dataDir = resolve(
    context.cwd,
    args.dataDir ??
      defaultDataDir({ platform: context.platform, homeDir: context.homeDir, env: context.env }),
  );
  const request: InitialWorkspace = args.workspace
    ? { kind: 'file', path: resolve(context.cwd, args.workspace) }
    : args.sample
      ? { kind: 'sample' }
      : { kind: 'most-recent' };
  // Files uploaded for import: this host's own folder, removed when it stops.
  const uploads = instanceUploads(dataDir);
  const workspacesDir = join(dataDir, 'workspaces');
  const backend = context.createBackend({
    mode: 'browser',
    appVersion: readVersion(context.appRoot),
    dataDir,
    workspacesDir,
    // The page reads only this host's uploads and writes workspaces only in the workspaces
    // folder; the workspace named on the command line was chosen by whoever started the host.
    fileAccess: browserFileAccess({
      uploadDir: uploads.dir,
      workspacesDir,
      granted: request.kind === 'file' ? [request.path] : [],
    }),
    samplePath: join(context.appRoot, 'resources', 'sample', 'sample-workspace.json'),
    importWorkerPath: join(context.appRoot, 'out', 'main', 'import-worker.js'),
    userName: context.userName,
    // Passwords stay in memory for the session (credentials.ts): asked again after a restart.
    backgroundSync: backgroundSyncTiming(context.env),
    log: (message, error) => {
      context.printError(error === undefined ? message : `${message} ${describe(error)}`);
    },
  });

  const outcome = await openInitialWorkspace(backend, request);
  if (!outcome.ok) {
    context.printError(`The workspace could not be opened: ${outcome.message}`);
    context.printError('Starting on the start screen instead.');
  }

  const usualPort = context.usualPort ?? USUAL_PORT;
  let host: BrowserHost;
  try {
    host = await startBrowserHost({
      backend: {
        dispatch: releasingUploads(
          (method, params) => backend.dispatch(method, params),
          uploads.dir,
        ),
        subscribe: (listener) => backend.subscribe(listener),
      },
      rendererDir: join(context.appRoot, 'out', 'renderer'),
      port: args.port ?? usualPort,
      orAnyFreePort: args.port === null,
      uploadDir: uploads.dir,
    });
  } catch (error) {
    backend.close();
    uploads.remove();
    context.printError(`KPI Scorecard could not start: ${describe(error)}`);
    return { exitCode: 1 };
  }

  context.print(`KPI Scorecard (browser mode) is running at ${host.url}`);
  if (args.port === null && usualPort !== 0 && host.port !== usualPort)
    context.print(
      `(Port ${usualPort} is taken, perhaps by another KPI Scorecard, so this one runs on ${host.port}.)`,
    );
  if (outcome.ok) context.print(`Workspace: ${outcome.workspace.path}`);
  context.print('Press Ctrl+C to stop.');
  if (args.readyJson) {
    const ready = {
      url: host.url,
      origin: host.origin,
      token: host.token,
      dataDir,
      workspace: outcome.ok ? outcome.workspace.path : null,
    };
    context.print(`KPIS_READY ${JSON.stringify(ready)}`);
  }

  const reason = args.open
    ? reasonNotToOpen({ platform: context.platform, env: context.env })
    : 'asked not to (--no-open)';
  if (reason === null) {
    const failed = await (context.openUrl ?? ((url) => openInBrowser(context.platform, url)))(
      host.url,
    );
    if (failed !== null)
      context.print(`Could not open a browser (${failed}); open this URL in a browser.`);
  } else if (args.open) {
    context.print(`No browser opened (${reason}); open this URL in a browser.`);
  }

  let stopped: Promise<void> | null = null;
  return {
    server: {
      host,
      backend,
      dataDir,
      stop: () => {
        stopped ??= (async () => {
          backend.close();
          await host.close();
          uploads.remove();
        })();
        return stopped;
      },
    },
  };
}

/**
 * The background sync's timing; KPIS_SYNC_DEBOUNCE_MS, KPIS_SYNC_INTERVAL_MS and KPIS_SYNC_RETRY_MS
 * shorten it (end-to-end tests that watch a value travel).
 */
function backgroundSyncTiming(env: RunContext['env']): Partial<SchedulerTiming> {
  const ms = (name: string): number | undefined => {
    const value = Number(env[name]);
    return Number.isFinite(value) && value > 0 ? value : undefined;
  };
  const timing: Partial<SchedulerTiming> = {};
  const debounceMs = ms('KPIS_SYNC_DEBOUNCE_MS');
  const intervalMs = ms('KPIS_SYNC_INTERVAL_MS');
  const retryMs = ms('KPIS_SYNC_RETRY_MS');
  if (debounceMs !== undefined) timing.debounceMs = debounceMs;
  if (intervalMs !== undefined) timing.intervalMs = intervalMs;
  if (retryMs !== undefined) {
    timing.retryMs = retryMs;
    timing.maxRetryMs = retryMs * 4;
  }
  return timing;
}

function readVersion(appRoot: string): string {
  try {
    const pkg = JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
