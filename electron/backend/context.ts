import { ApiError } from '@shared/api/errors';
import type { WorkspaceInfo } from '@shared/domain/entities';
import { EventBus } from './events';
import type { BackendOptions, Clock } from './platform';
import { AppSettingsFile } from './settings/app-settings';
import { loadDeviceId } from './settings/device';
import { SyncActivity } from './sync/activity';
import { memoryCredentials, type CredentialStore } from './sync/credentials';
import { RecentList } from './settings/recent';
import { ImportJobs } from './transfer/import/import-jobs';
import type { FileEnv } from './workspace/lifecycle';
import { MIGRATIONS, type Migration } from './workspace/migrations';
import type { Workspace } from './workspace/workspace';

// What every handler may use: the host's options, the clock, the data folder's settings, and
// the one workspace that is open (or none).

const systemClock: Clock = { now: () => new Date() };

export interface BackendInternals {
  /** The migration list; tests pass a longer one to exercise a future migration. */
  migrations?: readonly Migration[];
}

export class HandlerContext {
  readonly options: BackendOptions;
  readonly recent: RecentList;
  readonly imports: ImportJobs;
  readonly events: EventBus;
  /** Team sync in this process: what runs now, and the servers' passwords. */
  readonly syncActivity = new SyncActivity();
  readonly credentials: CredentialStore;
  private readonly clock: Clock;
  private readonly migrations: readonly Migration[];
  private device: string | null = null;
  private open: Workspace | null = null;

  constructor(options: BackendOptions, internals: BackendInternals) {
    this.options = options;
    this.clock = options.clock ?? systemClock;
    this.migrations = internals.migrations ?? MIGRATIONS;
    this.recent = new RecentList(options.dataDir);
    this.credentials = options.credentials ?? memoryCredentials();
    this.events = new EventBus(options.log);
    this.imports = new ImportJobs({
      workerPath: options.importWorkerPath,
      userName: () => this.userName(),
      deviceId: () => this.deviceId(),
      now: () => this.now(),
      log: options.log,
      announce: (name, payload) => {
        this.events.emit(name, payload);
      },
    });
  }

  now(): string {
    return this.clock.now().toISOString();
  }

  /** Who is at this computer: the name set in Settings, else the system's user name. */
  userName(): string {
    return new AppSettingsFile(this.options.dataDir).read().userName ?? this.options.userName;
  }

  /** Made on first use and kept in the data folder's settings. */
  deviceId(): string {
    this.device ??= loadDeviceId(this.options.dataDir);
    return this.device;
  }

  fileEnv(): FileEnv {
    return {
      migrations: this.migrations,
      nativeBinding: this.options.nativeBinding,
      deviceId: this.deviceId(),
      now: () => this.now(),
    };
  }

  current(): Workspace | null {
    return this.open;
  }

  /** The open workspace; methods that edit data fail with NO_WORKSPACE without one. */
  workspace(): Workspace {
    if (this.open === null)
      throw new ApiError({ code: 'NO_WORKSPACE', message: 'Open or create a workspace first.' });
    return this.open;
  }

  /** Makes `next` the open workspace (closing the previous one) and remembers it as recent. */
  switchTo(next: Workspace): WorkspaceInfo {
    if (this.open !== next) this.closeCurrent();
    this.open = next;
    return this.remember(next);
  }

  /** Puts the workspace at the top of the recent list, under its current name. */
  remember(workspace: Workspace): WorkspaceInfo {
    const info = workspace.info();
    try {
      this.recent.remember(info.path, info.name, this.now());
    } catch (error) {
      // The workspace is open and safe; a recent list that could not be written is not fatal.
      this.options.log?.('Could not update the recent workspaces list', error);
    }
    return info;
  }

  closeCurrent(): void {
    this.imports.discard();
    const open = this.open;
    this.open = null;
    open?.close();
  }
}
