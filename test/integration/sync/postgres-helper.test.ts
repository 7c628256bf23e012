import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../../fixtures/postgres';

// The helper every sync test stands on: a real server that answers, survives a kill and restart
// with its data, and is gone after stop.

let server: TestPostgres;
beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(() => {
  server.stop();
});

async function query(sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    return (await client.query<Record<string, unknown>>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('the test PostgreSQL', () => {
  it('answers as PostgreSQL 13 or later and keeps its data across a kill', async () => {
    const [row] = (await query('SHOW server_version_num')) as { server_version_num: string }[];
    expect(Number(row?.server_version_num)).toBeGreaterThanOrEqual(130000);
    await query('CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)');
    server.kill();
    await expect(query('SELECT 1')).rejects.toThrow();
    server.start();
    expect(await query('SELECT n FROM kept')).toEqual([{ n: 42 }]);
  });
});
