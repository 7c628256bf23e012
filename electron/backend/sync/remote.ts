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

/** Sends events. */
export async function pushEvents(
  client: pg.Client,
  spaceId: number,
  events: readonly WireEvent[],
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
    'SELECT * FROM kpis.push($1, $2::jsonb)',
    [spaceId, JSON.stringify(rows)],
  );
  const row = result.rows[0];
  return { added: Number(row?.added), lastBefore: Number(row?.last_before) };
}

interface EventRow {
  seq: string;
  id: string;
  entity: string;
  entity_id: string;
  operation: WireEvent['operation'];
  old_value: string | null;
  new_value: string | null;
  at: string;
  device_id: string;
  hlc: string;
  base: string;
  author: string;
}

/** The next events after `after` in the space's order (row-level security hides others'). */
export async function pullEvents(
  client: pg.Client,
  spaceId: number,
  after: number,
  limit: number,
): Promise<PulledEvent[]> {
  const result = await client.query<EventRow>(
    `SELECT seq, id, entity, entity_id, operation, old_value, new_value, at, device_id, hlc,
            base, author
     FROM kpis.events WHERE space_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    [spaceId, after, limit],
  );
  return result.rows.map((row) => ({
    seq: Number(row.seq),
    id: row.id,
    entity: row.entity,
    entityId: row.entity_id,
    operation: row.operation,
    oldValue: row.old_value,
    newValue: row.new_value,
    at: row.at,
    deviceId: row.device_id,
    hlc: row.hlc,
    base: row.base,
    author: row.author,
  }));
}
