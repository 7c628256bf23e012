// Team sync speed (issue 20): a first share of 60,000 values to a real PostgreSQL and a join
// of them into a new file, each through the API, against the same rows moved raw in the same
// run (COPY and multi-row INSERT of the events into a plain table; SELECT of them into a
// SQLite table in one transaction a page); then an incremental sync of 100 changes on each
// laptop.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import pg from 'pg';
import { postgresBinDir, psql, startPostgres } from '../test/fixtures/postgres';
import { benchBackend } from './lib/backend';
import { buildLargeWorkspace, KPIS, PERIODS } from './lib/large-workspace';

const RAW_COLUMNS = 'id, entity, entity_id, operation, old_value, new_value, at, device_id';

/** A value in COPY's text format: NULL as \N, and backslash, tab, newline and CR escaped. */
function copyText(value: string | null): string {
  if (value === null) return '\\N';
  return value.replace(/[\\\t\n\r]/gu, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** The rows through COPY FROM STDIN (psql streams them over its connection). */
function rawCopy(url: string, table: string, rows: readonly (string | null)[][]): void {
  const bin = postgresBinDir();
  if (bin === null) throw new Error('PostgreSQL is not installed');
  const text = rows.map((row) => row.map(copyText).join('\t')).join('\n') + '\n';
  execFileSync(
    join(bin, 'psql'),
    [url, '-v', 'ON_ERROR_STOP=1', '-qc', `COPY ${table} (${RAW_COLUMNS}) FROM STDIN`],
    { input: text, maxBuffer: 1 << 30 },
  );
}

/** The rows as multi-row INSERTs of a thousand, in one transaction. */
async function rawInsert(client: pg.Client, table: string, rows: readonly (string | null)[][]) {
  await client.query('BEGIN');
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const values = chunk.map(
      (_, r) => `(${Array.from({ length: 8 }, (_, c) => `$${String(r * 8 + c + 1)}`).join(', ')})`,
    );
    await client.query(
      `INSERT INTO ${table} (${RAW_COLUMNS}) VALUES ${values.join(', ')}`,
      chunk.flat(),
    );
  }
  await client.query('COMMIT');
}

const server = await startPostgres();
// The workspaces and copies (some 200 MB), removed at the end.
let dir: string | null = null;
try {
  psql(server, 'CREATE ROLE alice LOGIN; CREATE ROLE bob LOGIN;');
  const a = await buildLargeWorkspace();
  dir = a.dir;
  await a.call('sync.initServer', { url: server.url });

  // On a shared machine the wall times follow the load; this process's CPU time does less.
  const load = loadavg()[0] ?? 0;
  let start = performance.now();
  let cpu = process.cpuUsage();
  const shared = await a.call('sync.share', { url: server.urlFor('alice'), space: 'bench' });
  const shareMs = performance.now() - start;
  const shareCpu = process.cpuUsage(cpu);
  await a.call('sync.setMember', {
    url: server.urlFor('alice'),
    space: 'bench',
    member: 'bob',
    role: 'editor',
  });

  const b = benchBackend(join(a.dir, 'b'));
  start = performance.now();
  cpu = process.cpuUsage();
  const joined = await b.call('sync.join', {
    url: server.urlFor('bob'),
    space: 'bench',
    path: join(a.dir, 'b.kpis'),
  });
  const joinMs = performance.now() - start;
  const joinCpu = process.cpuUsage(cpu);
  if (joined.sync.received !== shared.sent)
    throw new Error(`sent ${String(shared.sent)}, received ${String(joined.sync.received)}`);

  // The same rows, raw.
  const copy = join(a.dir, 'copy.kpis');
  await a.call('workspace.saveCopy', { path: copy });
  const file = new Database(copy, { readonly: true });
  const rows = file
    .prepare<[], (string | null)[]>(
      'SELECT id, entity, entity_id, operation, old_value, new_value, at, device_id FROM change_log',
    )
    .raw()
    .all();
  file.close();
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  for (const table of ['raw_events', 'raw_copy'])
    await client.query(
      `CREATE TABLE ${table} (seq bigserial, id uuid PRIMARY KEY, entity text, entity_id text, operation text, old_value text, new_value text, at text, device_id text)`,
    );
  start = performance.now();
  rawCopy(server.url, 'raw_copy', rows);
  const rawCopyMs = performance.now() - start;
  start = performance.now();
  await rawInsert(client, 'raw_events', rows);
  const rawPushMs = performance.now() - start;

  start = performance.now();
  const target = new Database(join(a.dir, 'raw.sqlite'));
  target.exec(
    'CREATE TABLE raw_events (seq INTEGER, id TEXT PRIMARY KEY, entity TEXT, entity_id TEXT, operation TEXT, old_value TEXT, new_value TEXT, at TEXT, device_id TEXT)',
  );
  const insert = target.prepare('INSERT INTO raw_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  let after = 0;
  for (;;) {
    const page = await client.query<Record<string, string>>({
      text: 'SELECT seq, id, entity, entity_id, operation, old_value, new_value, at, device_id FROM raw_events WHERE seq > $1 ORDER BY seq LIMIT 20000',
      values: [after],
    });
    if (page.rows.length === 0) break;
    target.transaction(() => {
      for (const row of page.rows) insert.run(Object.values(row));
    })();
    after = Number(page.rows.at(-1)?.seq);
  }
  target.close();
  const rawPullMs = performance.now() - start;
  await client.end();

  // 100 changes on A, then a sync on each side.
  const kpis = await a.call('kpi.list', {});
  await a.call('value.setMany', {
    entries: kpis
      .filter((kpi) => kpi.formula === null)
      .slice(0, 100)
      .map((kpi) => ({ kpiId: kpi.id, period: '2030-01', value: 1 })),
  });
  start = performance.now();
  const sent = await a.call('sync.run', { url: server.urlFor('alice') });
  const pushMs = performance.now() - start;
  start = performance.now();
  const received = await b.call('sync.run', { url: server.urlFor('bob') });
  const pullMs = performance.now() - start;
  if (sent.sent !== 100 || received.received !== 100)
    throw new Error('the 100 changes did not travel');

  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `workspace: ${String(KPIS)} KPIs × ${String(PERIODS)} months = ${String(KPIS * PERIODS)} values, ${String(rows.length)} change-log entries`,
  );
  console.log(`share (stamp + push through the API): ${s(shareMs)}   (target: under 5 s)`);
  console.log(`raw COPY of the same rows: ${s(rawCopyMs)}`);
  console.log(`raw multi-row INSERT of the same rows: ${s(rawPushMs)}`);
  console.log(
    `ratio: ${(shareMs / rawCopyMs).toFixed(1)}× against the raw COPY, ${(shareMs / rawPushMs).toFixed(1)}× against the multi-row INSERT`,
  );
  console.log(`join (new file + pull + fold + write): ${s(joinMs)}   (target: under 5 s)`);
  console.log(`raw SELECT of the same rows into SQLite: ${s(rawPullMs)}`);
  console.log(`ratio: ${(joinMs / rawPullMs).toFixed(1)}×`);
  console.log(
    `incremental sync of 100 changes: send ${pushMs.toFixed(0)} ms, receive ${pullMs.toFixed(0)} ms   (target: under 200 ms each)`,
  );
  const cpuS = ({ user, system }: NodeJS.CpuUsage) => s((user + system) / 1000);
  console.log(
    `this process's CPU: share ${cpuS(shareCpu)}, join ${cpuS(joinCpu)}; load average ${load.toFixed(1)} on ${String(cpus().length)} cores at the start`,
  );
  a.backend.close();
  b.backend.close();
} finally {
  server.stop();
  if (dir !== null) rmSync(dir, { recursive: true, force: true });
}
