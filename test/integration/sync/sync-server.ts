import { afterAll, beforeAll } from 'vitest';
import { initServer } from '../../../electron/backend/sync/server';
import { psql, startPostgres, type TestPostgres } from '../../fixtures/postgres';

// One PostgreSQL for a sync test file: a fresh cluster started before the file's tests, with
// its login roles and (unless the file tests setting it up) the sync server set up, and removed
// after them. Kept apart from fixtures/postgres.ts, which the Playwright specs load too.

export interface SyncServerOptions {
  /** SQL that makes the file's login roles (and anything else the superuser must set up). */
  roles: string;
  /** Logins other than the superuser need a password (see `startPostgres`). */
  passwords?: boolean;
  /** Set up the sync server's schema and roles (`initServer`) before the tests: default yes. */
  init?: boolean;
  /** Work before the server starts (e.g. a build the file's tests run). */
  before?: () => Promise<void> | void;
  /** More setup as the superuser once the roles exist, before `initServer`. */
  setup?: (server: TestPostgres) => void;
  timeout?: number;
}

/** The file's server; its fields may be read only once the tests run. */
export function useSyncServer(options: SyncServerOptions): TestPostgres {
  let current: TestPostgres | null = null;
  const live = (): TestPostgres => {
    if (current === null) throw new Error('The test PostgreSQL is read before it started.');
    return current;
  };
  beforeAll(async () => {
    await options.before?.();
    current = await startPostgres({ passwords: options.passwords ?? false });
    psql(current, options.roles);
    options.setup?.(current);
    if (options.init ?? true) await initServer(current.url);
  }, options.timeout ?? 60_000);
  afterAll(() => {
    current?.stop();
  });
  return {
    get port() {
      return live().port;
    },
    get url() {
      return live().url;
    },
    urlFor: (user) => live().urlFor(user),
    kill: () => {
      live().kill();
    },
    start: () => {
      live().start();
    },
    stop: () => {
      live().stop();
    },
  };
}
