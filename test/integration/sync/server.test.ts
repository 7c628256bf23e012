import { describe, expect, it } from 'vitest';
import {
  createSpace,
  openSpace,
  pullEvents,
  pushEvents,
  setMember,
  type WireEvent,
} from '../../../electron/backend/sync/remote';
import { checkSchema, connect, initServer } from '../../../electron/backend/sync/server';
import {
  SERVER_MIGRATIONS,
  SERVER_SCHEMA_VERSION,
} from '../../../electron/backend/sync/server-schema';
import { psql } from '../../fixtures/postgres';
import { useSyncServer } from './sync-server';

// The server side on a real PostgreSQL: the schema as migrations, who may read and push what,
// and the push function's promises (idempotent, gap-free sequence under concurrent pushers).

const server = useSyncServer({
  roles: 'CREATE ROLE alice LOGIN; CREATE ROLE bob LOGIN; CREATE ROLE eve LOGIN;',
  init: false,
});

let next = 0;
function event(entityId: string, value: number): WireEvent {
  next += 1;
  const n = next.toString(16).padStart(12, '0');
  return {
    id: `0190c0de-0000-7000-8000-${n}`,
    entity: 'value',
    entityId,
    operation: 'insert',
    oldValue: null,
    newValue: JSON.stringify({ value }),
    at: '2026-12-06T10:00:00.000Z',
    deviceId: 'device-a',
    hlc: `0000019000000-000000-device-a-${n}`,
    base: '[]',
  };
}

async function as<T>(
  user: string,
  work: (client: Awaited<ReturnType<typeof connect>>) => Promise<T>,
) {
  const client = await connect(server.urlFor(user));
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('kpis server init', () => {
  it('refuses a server without the schema, then sets it up once; a second init changes nothing', async () => {
    await expect(as('alice', (c) => checkSchema(c, server.urlFor('alice')))).rejects.toThrow(
      /not set up for KPI Scorecard: run kpis server init/u,
    );
    expect(await initServer(server.url)).toEqual({
      applied: [1, 2],
      version: SERVER_SCHEMA_VERSION,
    });
    expect(await initServer(server.url)).toEqual({ applied: [], version: SERVER_SCHEMA_VERSION });
    await as('alice', (c) => checkSchema(c, server.urlFor('alice')));
  });

  it('refuses a server set up by a newer app, and init leaves it as it was', async () => {
    psql(server, "INSERT INTO kpis.schema_version (version, name) VALUES (99, 'from the future')");
    try {
      await expect(as('alice', (c) => checkSchema(c, server.urlFor('alice')))).rejects.toThrow(
        /newer KPI Scorecard \(server schema 99/u,
      );
      await expect(initServer(server.url)).rejects.toThrow(
        /newer KPI Scorecard.*nothing was changed/u,
      );
    } finally {
      psql(server, 'DELETE FROM kpis.schema_version WHERE version = 99');
    }
  });

  it('says what is wrong with a wrong address or an unknown user', async () => {
    await expect(connect('http://example.org')).rejects.toThrow(/not a PostgreSQL address/u);
    await expect(connect(`postgres://alice@127.0.0.1:1/postgres`)).rejects.toThrow(
      /Cannot reach the server alice@127\.0\.0\.1:1\/postgres/u,
    );
    await expect(connect(server.urlFor('nobody'))).rejects.toThrow(/refused the login/u);
  });
});

describe('spaces, members and access', () => {
  it('lets an owner push and every member pull; a viewer cannot push; a non-member is refused and sees nothing', async () => {
    const spaceId = await as('alice', (c) => createSpace(c, 'acme'));
    await as('alice', (c) => setMember(c, 'acme', 'bob', 'viewer'));
    const first = [event('k1/2026-01', 1), event('k1/2026-02', 2)];
    expect(await as('alice', (c) => pushEvents(c, spaceId, first))).toEqual({
      added: 2,
      lastBefore: 0,
    });

    expect(await as('bob', (c) => openSpace(c, 'acme'))).toEqual({
      spaceId,
      role: 'viewer',
      lastSeq: 2,
    });
    const pulled = await as('bob', (c) => pullEvents(c, spaceId, 0, 100));
    expect(pulled.map((e) => [e.seq, e.entityId, e.author])).toEqual([
      [1, 'k1/2026-01', 'alice'],
      [2, 'k1/2026-02', 'alice'],
    ]);
    await expect(
      as('bob', (c) => pushEvents(c, spaceId, [event('k1/2026-03', 3)])),
    ).rejects.toThrow(/bob is a viewer of this space: viewers cannot send changes/u);

    await expect(as('eve', (c) => openSpace(c, 'acme'))).rejects.toThrow(
      /eve is not a member of the space "acme"/u,
    );
    await expect(
      as('eve', (c) => pushEvents(c, spaceId, [event('k1/2026-03', 3)])),
    ).rejects.toThrow(/eve is not a member/u);
    await expect(as('eve', (c) => pullEvents(c, spaceId, 0, 100))).rejects.toThrow(
      /eve is not a member of this space/u,
    );
    const seen = await as('eve', (c) => c.query<{ id: string }>('SELECT id FROM kpis.spaces'));
    expect(seen.rows).toEqual([]);
    // Nobody writes the tables directly: only through the functions' checks.
    await expect(
      as('alice', (c) =>
        c.query("INSERT INTO kpis.members VALUES ($1, 'eve', 'owner')", [spaceId]),
      ),
    ).rejects.toThrow(/permission denied/u);
    await expect(as('bob', (c) => setMember(c, 'acme', 'eve', 'owner'))).rejects.toThrow(
      /Only an owner of "acme" can change its members/u,
    );

    // Removing a member stops their next pull.
    await as('alice', (c) => setMember(c, 'acme', 'bob', null));
    await expect(as('bob', (c) => pullEvents(c, spaceId, 0, 100))).rejects.toThrow(
      /bob is not a member of this space/u,
    );
    await expect(as('bob', (c) => openSpace(c, 'acme'))).rejects.toThrow(/bob is not a member/u);
  });

  it('says so for a space that does not exist or already exists', async () => {
    await expect(as('alice', (c) => openSpace(c, 'nowhere'))).rejects.toThrow(
      /There is no space named "nowhere" on this server/u,
    );
    await as('alice', (c) => createSpace(c, 'dup'));
    await expect(as('bob', (c) => createSpace(c, 'dup'))).rejects.toThrow(
      /A space named "dup" already exists/u,
    );
  });

  it('adds nothing when a push is sent again, and numbers concurrent pushes without gaps', async () => {
    const spaceId = await as('alice', (c) => createSpace(c, 'busy'));
    await as('alice', (c) => setMember(c, 'busy', 'bob', 'editor'));
    const batch = Array.from({ length: 50 }, (_, i) => event(`k2/p${String(i)}`, i));
    expect(await as('alice', (c) => pushEvents(c, spaceId, batch))).toEqual({
      added: 50,
      lastBefore: 0,
    });
    expect(await as('alice', (c) => pushEvents(c, spaceId, batch))).toEqual({
      added: 0,
      lastBefore: 50,
    });
    // Four pushers at once, each with its own events and half of the previous batch again.
    const pushers = ['alice', 'bob', 'alice', 'bob'].map((user, p) =>
      as(user, (c) =>
        pushEvents(c, spaceId, [
          ...batch.slice(0, 25),
          ...Array.from({ length: 100 }, (_, i) => event(`k3/${String(p)}-${String(i)}`, i)),
        ]),
      ),
    );
    const results = await Promise.all(pushers);
    expect(results.map((r) => r.added)).toEqual([100, 100, 100, 100]);
    // Each took the numbers right after the one before it.
    expect(results.map((r) => r.lastBefore).sort((x, y) => x - y)).toEqual([50, 150, 250, 350]);
    const all = await as('bob', (c) => pullEvents(c, spaceId, 0, 10_000));
    expect(all.map((e) => e.seq)).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));
    expect(new Set(all.map((e) => e.id)).size).toBe(450);
  });
});

describe('a server set up by an older app', () => {
  it('is synced with as it is; init brings it up to date keeping its events and numbers', async () => {
    psql(server, 'CREATE DATABASE older');
    const older = (user: string) => server.urlFor(user).replace(/\/postgres$/u, '/older');
    const owner = await connect(older('postgres'));
    try {
      const first = SERVER_MIGRATIONS[0];
      if (first === undefined) throw new Error('no first migration');
      await owner.query(first.sql);
      await owner.query('INSERT INTO kpis.schema_version (version, name) VALUES ($1, $2)', [
        first.version,
        first.name,
      ]);
    } finally {
      await owner.end();
    }
    const client = await connect(older('alice'));
    try {
      expect(await checkSchema(client, older('alice'))).toBe(1);
      const spaceId = await createSpace(client, 'legacy');
      const before = [event('k9/2026-01', 1), event('k9/2026-02', 2)];
      expect(await pushEvents(client, spaceId, before, 1)).toEqual({ added: 2, lastBefore: 0 });
      expect((await pullEvents(client, spaceId, 0, 100, 1)).map((e) => e.seq)).toEqual([1, 2]);

      expect(await initServer(older('postgres'))).toEqual({
        applied: [2],
        version: SERVER_SCHEMA_VERSION,
      });
      expect(await checkSchema(client, older('alice'))).toBe(SERVER_SCHEMA_VERSION);
      // The same events again add nothing; new ones take the next numbers.
      expect(await pushEvents(client, spaceId, [...before, event('k9/2026-03', 3)])).toEqual({
        added: 1,
        lastBefore: 2,
      });
      const all = await pullEvents(client, spaceId, 0, 100);
      expect(all.map((e) => [e.seq, e.entityId, e.newValue, e.author])).toEqual([
        [1, 'k9/2026-01', '{"value":1}', 'alice'],
        [2, 'k9/2026-02', '{"value":2}', 'alice'],
        [3, 'k9/2026-03', '{"value":3}', 'alice'],
      ]);
      expect((await pullEvents(client, spaceId, 1, 1)).map((e) => e.seq)).toEqual([2]);
      // A gap in the numbers (an event removed on the server by hand) does not end the pull.
      const admin = await connect(older('postgres'));
      try {
        await admin.query('DELETE FROM kpis.events WHERE space_id = $1 AND seq = 2', [spaceId]);
        expect((await pullEvents(client, spaceId, 1, 1)).map((e) => e.seq)).toEqual([3]);
        // A space deleted on the server takes its events with it.
        await admin.query('DELETE FROM kpis.spaces WHERE id = $1', [spaceId]);
        const left = await admin.query<{ n: string }>(
          'SELECT count(*) AS n FROM kpis.events WHERE space_id = $1',
          [spaceId],
        );
        expect(left.rows[0]?.n).toBe('0');
      } finally {
        await admin.end();
      }
    } finally {
      await client.end();
    }
  });
});
