import pg from 'pg';
import { SERVER_MIGRATIONS, SERVER_SCHEMA_VERSION } from './server-schema';

// Talking to the sync server: connecting with a clear message for each way it fails, setting
// the schema up (`kpis server init`), and checking a server's schema before any sync.

export type SyncErrorCode =
  | 'BAD_ADDRESS'
  | 'UNREACHABLE'
  | 'LOGIN'
  | 'NO_DATABASE'
  | 'NO_SCHEMA'
  | 'NEWER_SCHEMA'
  | 'NO_SPACE'
  | 'SPACE_EXISTS'
  | 'FORBIDDEN'
  | 'CONNECTION_LOST'
  | 'NOT_SHARED'
  | 'ALREADY_SHARED'
  | 'NEWER_APP'
  | 'BAD_EVENT';

/** A sync that could not be done, with a sentence the user can act on. */
export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/** The address as it may be shown or stored: never the password. */
export function serverLabel(url: string): string {
  try {
    const parsed = new URL(url);
    const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : '';
    return `${user}${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return '(an address that cannot be read)';
  }
}

/** The address without its password: what the workspace file keeps. */
export function withoutPassword(url: string): string {
  const parsed = new URL(url);
  parsed.password = '';
  return parsed.toString();
}

export function checkAddress(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SyncError(
      'BAD_ADDRESS',
      `"${url}" is not a server address: write it as postgres://USER@HOST:PORT/DATABASE`,
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new SyncError(
      'BAD_ADDRESS',
      `"${serverLabel(url)}" is not a PostgreSQL address: it must start with postgres://`,
    );
  }
}

function pgCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** A failure from the driver as the user reads it; SyncErrors pass through. */
export function explain(error: unknown, url: string): Error {
  if (error instanceof SyncError) return error;
  const code = pgCode(error);
  const message = error instanceof Error ? error.message : String(error);
  const where = serverLabel(url);
  if (
    code === 'ECONNREFUSED' ||
    code === 'ENOTFOUND' ||
    code === 'ETIMEDOUT' ||
    code === 'EHOSTUNREACH'
  )
    return new SyncError(
      'UNREACHABLE',
      `Cannot reach the server ${where} (${message}). Check the address and your network; your changes wait in the outbox.`,
    );
  if (code === '28P01' || code === '28000')
    return new SyncError(
      'LOGIN',
      `The server ${where} refused the login: ${message}. Check the user name and password.`,
    );
  // The driver's own words when the server asks for a password and none was given.
  if (code === undefined && /password must be a string|password authentication/iu.test(message))
    return new SyncError(
      'LOGIN',
      `The server ${where} asks for a password: give it with the address or when asked.`,
    );
  if (code === '3D000')
    return new SyncError('NO_DATABASE', `The server ${where} has no such database: ${message}.`);
  if (code === '42501') return new SyncError('FORBIDDEN', `${message}.`);
  if (code === 'P0002') return new SyncError('NO_SPACE', `${message}.`);
  if (code === '23505') return new SyncError('SPACE_EXISTS', `${message}.`);
  if (
    code === '57P01' ||
    code === '57P02' ||
    code === '57P03' ||
    code === 'ECONNRESET' ||
    /terminated|Connection terminated|closed/iu.test(message)
  )
    return new SyncError(
      'CONNECTION_LOST',
      `The connection to ${where} was lost (${message}); nothing was half-applied, the next sync goes on from where this one stopped.`,
    );
  return error instanceof Error ? error : new Error(message);
}

/** A connected client; the caller ends it. */
export async function connect(url: string): Promise<pg.Client> {
  checkAddress(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  // A dropped connection is reported through the query that fails; without a listener the
  // client's 'error' event would end the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw explain(error, url);
  }
  return client;
}

/** The server's schema version: 0 when it has none. */
async function schemaVersion(client: pg.Client): Promise<number> {
  const found = await client.query<{ present: string | null }>(
    "SELECT to_regclass('kpis.schema_version')::text AS present",
  );
  if (found.rows[0]?.present == null) return 0;
  const result = await client.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM kpis.schema_version',
  );
  return result.rows[0]?.version ?? 0;
}

/**
 * Refuses a server without our schema, or with a newer one than this app knows; returns its
 * version (an older one is still spoken to, the way it was set up, until its owner runs init).
 */
export async function checkSchema(client: pg.Client, url: string): Promise<number> {
  const version = await schemaVersion(client);
  if (version === 0) {
    throw new SyncError(
      'NO_SCHEMA',
      `The server ${serverLabel(url)} is not set up for KPI Scorecard: run kpis server init URL as its owner first.`,
    );
  }
  if (version > SERVER_SCHEMA_VERSION) {
    throw new SyncError(
      'NEWER_SCHEMA',
      `The server ${serverLabel(url)} was set up by a newer KPI Scorecard (server schema ${String(version)}, this app knows ${String(SERVER_SCHEMA_VERSION)}): update the app to sync with it.`,
    );
  }
  return version;
}

export interface InitResult {
  /** The versions this run applied (empty when the server was up to date). */
  applied: number[];
  version: number;
}

/**
 * Sets the server up or brings it up to date, all in one transaction: a failure leaves it as
 * it was. Two inits at once are serialised by an advisory lock.
 */
export async function initServer(url: string): Promise<InitResult> {
  const client = await connect(url);
  try {
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtext('kpis server init'))");
    const from = await schemaVersion(client);
    if (from > SERVER_SCHEMA_VERSION) {
      throw new SyncError(
        'NEWER_SCHEMA',
        `The server ${serverLabel(url)} was set up by a newer KPI Scorecard (server schema ${String(from)}): nothing was changed.`,
      );
    }
    const applied: number[] = [];
    for (const migration of SERVER_MIGRATIONS) {
      if (migration.version <= from) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO kpis.schema_version (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    await client.query('COMMIT');
    return { applied, version: SERVER_SCHEMA_VERSION };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw explain(error, url);
  } finally {
    await client.end().catch(() => undefined);
  }
}
