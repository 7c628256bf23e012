import type { ChangeEntity } from '@shared/domain/entities';
import type pg from 'pg';
import type { Tx } from '../store/change-log';
import { changesByIds } from '../store/change-log';
import type { Db } from '../workspace/connection';
import { applyPage } from './apply';
import {
  conflictKeys,
  createLink,
  markSent,
  outbox,
  outboxSize,
  readLink,
  updateLink,
  type SyncLink,
} from './link';
import {
  createSpace,
  openSpace,
  pullEvents,
  pushEvents,
  type MemberRole,
  type SpaceAccess,
  type WireEvent,
} from './remote';
import { checkSchema, connect, explain, SyncError, withoutPassword } from './server';
import { stampNewChanges } from './stamp';

// One sync of a workspace with its space: stamp what was written here, pull and apply what
// the others sent (each page in one transaction), then push the outbox. Every step can be cut
// off at any point: a page not committed is pulled again, a push whose acknowledgement was
// lost is sent again and adds nothing on the server.

// Events per page pulled or pushed: a page is one call to the server and one local
// transaction; large pages keep a first share or join to a few of each.
const PAGE = 20_000;

export interface SyncOutcome {
  server: string;
  space: string;
  role: MemberRole;
  /** Events the server had not seen. */
  sent: number;
  /** Events new to this file. */
  received: number;
  /** Still waiting to be sent (a viewer's edits, say). */
  waiting: number;
  conflicts: number;
  lastSyncedAt: string;
  /** What changed here, for the `changed` event. */
  kinds: ChangeEntity[];
}

export interface SyncEnv {
  device: string;
  now: () => Date;
  /** Between pages: a chance to report progress (and, in tests, to be killed). */
  onProgress?: (step: { phase: 'pull' | 'push'; done: number }) => void;
  /** Events per page (tests make pages small to cut a sync off between two). */
  pageSize?: number;
}

/** The address to connect to: the one given, or the file's (whose password is not kept). */
function addressFor(link: SyncLink, url: string | undefined): string {
  if (url === undefined) return link.server;
  if (withoutPassword(url) !== withoutPassword(link.server))
    throw new SyncError(
      'ALREADY_SHARED',
      `This workspace is shared on ${link.server}, not on the address given.`,
    );
  return url;
}

/** `work` gets the connection and the server's schema version. */
async function withServer<T>(
  url: string,
  work: (client: pg.Client, schema: number) => Promise<T>,
): Promise<T> {
  const client = await connect(url);
  try {
    return await work(client, await checkSchema(client, url));
  } catch (error) {
    throw explain(error, url);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Makes the space and links the file to it; then a sync sends the whole history. */
export async function shareWorkspace(
  tx: Tx,
  url: string,
  space: string,
  env: SyncEnv,
): Promise<SyncOutcome> {
  const { db } = tx;
  const linked = readLink(db);
  if (linked !== null)
    throw new SyncError(
      'ALREADY_SHARED',
      `This workspace is already shared as "${linked.space}" on ${linked.server}.`,
    );
  const access = await withServer(url, async (client) => {
    try {
      const id = await createSpace(client, space);
      return { spaceId: id, role: 'owner', lastSeq: 0 } satisfies SpaceAccess;
    } catch (error) {
      // A share cut off after the server made the space: take it up again if it is ours and
      // still empty.
      const reason = explain(error, url);
      if (!(reason instanceof SyncError) || reason.code !== 'SPACE_EXISTS') throw reason;
      const existing = await openSpace(client, space);
      if (existing.role !== 'owner' || existing.lastSeq > 0) throw reason;
      return existing;
    }
  });
  db.transaction(() => {
    createLink(db, withoutPassword(url), space, access.spaceId);
    ensureWorkspaceEntry(tx);
  })();
  return syncWorkspace(db, url, env);
}

/**
 * The workspace's name and settings travel as a 'workspace' entry: a file that was never
 * renamed has none yet, so sharing writes one (a join takes its name from it).
 */
function ensureWorkspaceEntry({ db, changes }: Tx): void {
  const logged = db
    .prepare<[], { n: number }>("SELECT count(*) AS n FROM change_log WHERE entity = 'workspace'")
    .get();
  if ((logged?.n ?? 0) > 0) return;
  const meta = db
    .prepare<[], { key: string; value: string }>('SELECT key, value FROM workspace_meta')
    .all();
  const get = (key: string) => meta.find((row) => row.key === key)?.value ?? '';
  changes.record('workspace', get('id'), 'insert', null, {
    id: get('id'),
    name: get('name'),
    createdAt: get('created_at'),
    fiscalYearStartMonth: Number(get('fiscal_year_start_month') || '1'),
  });
}

/** Links a new, empty workspace file to a space (the caller made the file); then syncs it. */
export async function joinSpace(
  db: Db,
  url: string,
  space: string,
  env: SyncEnv,
): Promise<SyncOutcome> {
  const access = await withServer(url, (client) => openSpace(client, space));
  db.transaction(() => {
    createLink(db, withoutPassword(url), space, access.spaceId);
  })();
  return syncWorkspace(db, url, env);
}

export async function syncWorkspace(
  db: Db,
  url: string | undefined,
  env: SyncEnv,
): Promise<SyncOutcome> {
  const link = readLink(db);
  if (link === null)
    throw new SyncError(
      'NOT_SHARED',
      'This workspace is not shared: share it first (kpis share FILE --server URL --space NAME).',
    );
  const address = addressFor(link, url);
  // Stamped before the server is asked anything: a sync that cannot reach it or is refused
  // still leaves the edits counted in the outbox (sync.status's waiting).
  stampNewChanges(db, env.device);
  const kinds = new Set<ChangeEntity>();
  try {
    const result = await withServer(address, async (client, schema) => {
      const access = await openSpace(client, link.space);
      if (access.spaceId !== link.spaceId)
        throw new SyncError(
          'NO_SPACE',
          `The space "${link.space}" on the server is not the one this file was shared in (it was made again).`,
        );
      const server = { client, schema, spaceId: access.spaceId };
      const received = await pull(server, db, env, kinds);
      const sent = await push(server, db, access, env);
      return { access, received, sent };
    });
    const at = env.now().toISOString();
    updateLink(db, { lastSyncedAt: at, lastError: null });
    return {
      server: link.server,
      space: link.space,
      role: result.access.role,
      sent: result.sent,
      received: result.received,
      waiting: outboxSize(db),
      conflicts: conflictKeys(db).length,
      lastSyncedAt: at,
      kinds: [...kinds],
    };
  } catch (error) {
    const reason = explain(error, address);
    updateLink(db, { lastError: reason.message });
    throw reason;
  }
}

/** The connection, the server's schema version, and the space. */
interface Server {
  client: pg.Client;
  schema: number;
  spaceId: number;
}

async function pull(
  { client, schema, spaceId }: Server,
  db: Db,
  env: SyncEnv,
  kinds: Set<ChangeEntity>,
): Promise<number> {
  let received = 0;
  const size = env.pageSize ?? PAGE;
  let next = pullEvents(client, spaceId, readLink(db)?.cursor ?? 0, size, schema);
  for (;;) {
    const events = await next;
    const last = events.at(-1);
    if (last === undefined) return received;
    // The next page is asked for before this one is applied, so the server reads it meanwhile.
    // It is applied only after this one is committed; a failure is reported by its await.
    next = pullEvents(client, spaceId, last.seq, size, schema);
    next.catch(() => undefined);
    const page = applyPage(db, events, env.device, () => env.now().getTime());
    received += page.received;
    for (const kind of page.kinds) kinds.add(kind);
    env.onProgress?.({ phase: 'pull', done: received });
  }
}

async function push(
  { client, schema, spaceId }: Server,
  db: Db,
  access: SpaceAccess,
  env: SyncEnv,
): Promise<number> {
  const waiting = outboxSize(db);
  if (waiting === 0) return 0;
  if (access.role === 'viewer')
    throw new SyncError(
      'FORBIDDEN',
      `You are a viewer of "${readLink(db)?.space ?? ''}": your ${String(waiting)} change(s) cannot be sent. They stay in this file's outbox.`,
    );
  const login = await client.query<{ name: string }>('SELECT session_user AS name');
  const author = login.rows[0]?.name ?? '';
  let sent = 0;
  for (;;) {
    const stamps = outbox(db, env.pageSize ?? PAGE);
    if (stamps.length === 0) return sent;
    const changes = new Map(
      changesByIds(
        db,
        stamps.map((s) => s.changeId),
      ).map((c) => [c.id, c]),
    );
    const events: WireEvent[] = stamps.flatMap((stamp) => {
      const change = changes.get(stamp.changeId);
      if (!change) return [];
      return [
        {
          id: change.id,
          entity: change.entity,
          entityId: change.entityId,
          operation: change.operation,
          oldValue: change.oldJson,
          newValue: change.newJson,
          at: change.at,
          deviceId: change.deviceId,
          hlc: stamp.hlc,
          base: stamp.base,
        },
      ];
    });
    const pushed = await pushEvents(client, spaceId, events, schema);
    sent += pushed.added;
    db.transaction(() => {
      // Nobody pushed between our last pull and this push: the numbers it took are ours, so
      // the cursor moves past them instead of pulling our own events back.
      if (readLink(db)?.cursor === pushed.lastBefore)
        updateLink(db, { cursor: pushed.lastBefore + pushed.added });
      markSent(
        db,
        stamps.map((s) => s.changeId),
        author,
      );
    })();
    env.onProgress?.({ phase: 'push', done: sent });
  }
}
