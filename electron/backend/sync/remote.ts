import type pg from 'pg';

// The server's side of a sync, one function per call (server-schema.ts has what each does on
// the server). The row-level security and the functions' checks decide who may do what; these
// only carry the data.

/** An event as it travels: the change-log entry, its clock stamp and what its writer had seen. */
export interface WireEvent {
  id: string;
  entity: string;
  entityId: string;
  operation: 'insert' | 'update' | 'delete';
  /** JSON text, or null. */
  oldValue: string | null;
  newValue: string | null;
  at: string;
  deviceId: string;
  hlc: string;
  /** JSON array of event ids. */
  base: string;
}

export interface PulledEvent extends WireEvent {
  seq: number;
  /** The login that pushed it, as the server saw it. */
  author: string;
}

export type MemberRole = 'owner' | 'editor' | 'viewer';

export interface SpaceAccess {
  spaceId: number;
  role: MemberRole;
  lastSeq: number;
}

export async function createSpace(client: pg.Client, name: string): Promise<number> {
  const result = await client.query<{ id: string }>('SELECT kpis.create_space($1) AS id', [name]);
  return Number(result.rows[0]?.id);
}

/** The space and the caller's role in it; refused (by the server) for a non-member. */
export async function openSpace(client: pg.Client, name: string): Promise<SpaceAccess> {
  const result = await client.query<{ space_id: string; role: MemberRole; last_seq: string }>(
    'SELECT * FROM kpis.open_space($1)',
    [name],
  );
  const row = result.rows[0];
  if (!row) throw new Error(`The server did not answer for the space "${name}"`);
  return { spaceId: Number(row.space_id), role: row.role, lastSeq: Number(row.last_seq) };
}

export async function setMember(
  client: pg.Client,
  space: string,
  member: string,
  role: MemberRole | null,
): Promise<void> {
  await client.query('SELECT kpis.set_member($1, $2, $3)', [space, member, role]);
}

export interface PushResult {
  /** How many the server did not have yet. */
  added: number;
  /** The space's last sequence number before them. */
  lastBefore: number;
}

/** The server schema version from which a page is pushed and pulled in one call each. */
export const PAGE_CALLS_FROM = 2;

/**
 * Sends events, in the order given (the outbox's clock order), as one JSON text: the server
 * parses it once (server-schema.ts, kpis.push_events). `schema` is the server's schema
 * version: a server not yet brought up to date takes them through its first push function.
 */
export async function pushEvents(
  client: pg.Client,
  spaceId: number,
  events: readonly WireEvent[],
  schema = PAGE_CALLS_FROM,
): Promise<PushResult> {
  const rows = events.map((e) => ({
    id: e.id,
    entity: e.entity,
    entity_id: e.entityId,
    operation: e.operation,
    old_value: e.oldValue,
    new_value: e.newValue,
    at: e.at,
    device_id: e.deviceId,
    hlc: e.hlc,
    base: e.base,
  }));
  const result = await client.query<{ added: string; last_before: string }>(
    schema >= PAGE_CALLS_FROM
      ? 'SELECT * FROM kpis.push_events($1, $2::json)'
      : 'SELECT * FROM kpis.push($1, $2::jsonb)',
    [spaceId, JSON.stringify(rows)],
  );
  const row = result.rows[0];
  return { added: Number(row?.added), lastBefore: Number(row?.last_before) };
}

/** A pulled row as the driver gives it in array mode: the columns of COLUMNS, in order. */
type EventRow = [
  seq: string,
  id: string,
  entity: string,
  entityId: string,
  operation: WireEvent['operation'],
  oldValue: string | null,
  newValue: string | null,
  at: string,
  deviceId: string,
  hlc: string,
  base: string,
  author: string,
];

const COLUMNS =
  'seq, id, entity, entity_id, operation, old_value, new_value, at, device_id, hlc, base, author';

/**
 * The next events after `after` in the space's order; a non-member is refused. Rows come as
 * arrays (no object per row and column name), text as the server holds it.
 */
export async function pullEvents(
  client: pg.Client,
  spaceId: number,
  after: number,
  limit: number,
  schema = PAGE_CALLS_FROM,
): Promise<PulledEvent[]> {
  const result = await client.query<EventRow>({
    text:
      schema >= PAGE_CALLS_FROM
        ? `SELECT ${COLUMNS} FROM kpis.pull($1, $2, $3)`
        : // Through row-level security: a non-member sees nothing.
          `SELECT ${COLUMNS} FROM kpis.events WHERE space_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    values: [spaceId, after, limit],
    rowMode: 'array',
  });
  return result.rows.map((row) => ({
    seq: Number(row[0]),
    id: row[1],
    entity: row[2],
    entityId: row[3],
    operation: row[4],
    oldValue: row[5],
    newValue: row[6],
    at: row[7],
    deviceId: row[8],
    hlc: row[9],
    base: row[10],
    author: row[11],
  }));
}
