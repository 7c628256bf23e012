// Import speed (issues 14 and 19). A long CSV of 1,000,000 rows (2,000 KPIs × 500 monthly
// periods) imported through the API — dry run and apply, read on the worker thread — against
// two in-run baselines on the same rows: papaparse plus one prepared INSERT in one transaction
// into a scratch database (the raw baseline, which writes no change log), and the same loop
// writing also one change-log row per value into a table of the workspace's own change_log
// shape (the work the import is required to do). Also: peak memory, the longest stall of the
// event loop that serves the UI, and a 100,000-row XLSX against exceljs's streaming reader
// alone, into KPIs holding the million values and into fresh ones.
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { once } from 'node:events';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { shiftPeriod } from '@shared/domain/period';
import { newId } from '../electron/backend/store/ids';
import { MIGRATIONS, migrate } from '../electron/backend/workspace/migrations';
import type { ImportJobStatus } from '@shared/transfer/import-status';
import { benchBackend } from './lib/backend';

const KPIS = Number(process.env.KPIS_BENCH_KPIS ?? 2_000);
const PERIODS = Number(process.env.KPIS_BENCH_PERIODS ?? 500);
const XLSX_ROWS = Number(process.env.KPIS_BENCH_XLSX_ROWS ?? 100_000);
const workerPath = process.env.KPIS_IMPORT_WORKER;
if (!workerPath) throw new Error('Run through `npm run bench -- import` (it builds the worker)');

const dir = mkdtempSync(join(tmpdir(), 'kpis-bench-import-'));
const periods = Array.from({ length: PERIODS }, (_, i) => shiftPeriod('monthly', '1990-01', i));
const names = Array.from({ length: KPIS }, (_, i) => `KPI ${String(i).padStart(4, '0')}`);
const valueOf = (k: number, p: number): number => ((k * 7919 + p * 104_729) % 1_000_000) / 100;

async function writeCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('KPI,Period,Value\n');
  for (let k = 0; k < KPIS; k += 1) {
    let chunk = '';
    for (let p = 0; p < PERIODS; p += 1)
      chunk += `${names[k] as string},${periods[p] as string},${valueOf(k, p)}\n`;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function writeXlsx(path: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
  const sheet = workbook.addWorksheet('Values');
  sheet.addRow(['KPI', 'Period', 'Value']).commit();
  for (let i = 0; i < XLSX_ROWS; i += 1) {
    const k = i % KPIS;
    const p = Math.floor(i / KPIS);
    // Periods after the CSV's, so these are new values that are really written.
    sheet.addRow([names[k], shiftPeriod('monthly', '2040-01', p), valueOf(k, p)]).commit();
  }
  sheet.commit();
  await workbook.commit();
}

const SCRATCH_SCHEMA = `CREATE TABLE kpi_values (kpi_id TEXT NOT NULL, period TEXT NOT NULL,
  value REAL NOT NULL, comment TEXT NOT NULL DEFAULT '', entered_by TEXT NOT NULL DEFAULT '',
  entered_at TEXT NOT NULL, PRIMARY KEY (kpi_id, period)) STRICT, WITHOUT ROWID`;

/**
 * The change log's table and its index exactly as a workspace of this version stores them
 * (since the log is packed, the stored rows under the `change_log` view), and the table's name.
 */
function changeLogSchema(): { sql: string; table: string } {
  const db = new Database(':memory:');
  migrate(db, MIGRATIONS);
  const rows = db
    .prepare<[], { sql: string; tbl_name: string }>(
      `SELECT sql, tbl_name FROM sqlite_master
       WHERE tbl_name IN ('change_log', 'change_log_rows') AND type IN ('table', 'index')`,
    )
    .all();
  db.close();
  const table = rows[0]?.tbl_name;
  if (table === undefined) throw new Error('No change log table in a new workspace');
  return { sql: rows.map((row) => row.sql).join(';\n'), table };
}

/**
 * The baseline: papaparse over the file, one prepared INSERT, one transaction. With `log`,
 * each value also gets a change-log row as a plain loop would write it: a UUIDv7, the value's
 * key and its record as JSON.stringify makes it.
 */
async function baseline(path: string, ids: Map<string, string>, log: boolean): Promise<number> {
  const db = new Database(join(dir, `scratch-${Date.now()}.db`));
  db.pragma('journal_mode = WAL');
  // The page cache the import's writer sets (import-writer.ts), so neither side spills early.
  db.pragma('cache_size = -65536');
  db.exec(SCRATCH_SCHEMA);
  const logSchema = log ? changeLogSchema() : null;
  if (logSchema) db.exec(logSchema.sql);
  const insert = db.prepare(
    'INSERT INTO kpi_values (kpi_id, period, value, entered_at) VALUES (?, ?, ?, ?)',
  );
  const insertEntry = logSchema
    ? db.prepare(
        `INSERT INTO ${logSchema.table} (id, entity, entity_id, operation, old_value, new_value, at, device_id)
         VALUES (?, 'value', ?, 'insert', NULL, ?, ?, 'bench-device')`,
      )
    : null;
  const start = performance.now();
  db.exec('BEGIN');
  let first = true;
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(createReadStream(path, 'utf8') as unknown as File, {
      chunk(results) {
        for (const row of results.data) {
          if (first) {
            first = false;
            continue;
          }
          if (row.length < 3) continue;
          const kpiId = ids.get(row[0] as string) as string;
          const period = row[1] as string;
          const value = Number(row[2]);
          insert.run(kpiId, period, value, 'now');
          if (insertEntry) {
            const record = {
              kpiId,
              period,
              value,
              comment: '',
              enteredBy: '',
              enteredAt: 'now',
            };
            insertEntry.run(newId(), `${kpiId}/${period}`, JSON.stringify(record), 'now');
          }
        }
      },
      complete: () => resolve(),
      error: reject,
    });
  });
  db.exec('COMMIT');
  const elapsed = performance.now() - start;
  db.close();
  return elapsed;
}

async function exceljsAlone(path: string): Promise<number> {
  const start = performance.now();
  let cells = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
  });
  for await (const sheet of reader) for await (const row of sheet) row.eachCell(() => (cells += 1));
  if (cells === 0) throw new Error('exceljs read nothing');
  return performance.now() - start;
}

async function main(): Promise<void> {
  const { backend, call } = benchBackend(dir, { importWorkerPath: workerPath });
  /** A workspace with the benchmark's KPIs and no values; returns their ids by name. */
  async function freshWorkspace(file: string): Promise<Map<string, string>> {
    await call('workspace.create', { name: 'Bench', path: join(dir, file) });
    const scorecard = await call('scorecard.create', { name: 'Company' });
    const view = await call('scorecard.evaluate', { id: scorecard.id });
    const objective = await call('objective.create', {
      perspectiveId: view.perspectives[0]?.perspective.id ?? '',
      name: 'All',
    });
    const ids = new Map<string, string>();
    for (const name of names)
      ids.set(name, (await call('kpi.create', { objectiveId: objective.id, name })).id);
    return ids;
  }
  const ids = await freshWorkspace('bench.kpis');

  const csv = join(dir, 'values.csv');
  await writeCsv(csv);
  const rows = KPIS * PERIODS;
  console.log(
    `CSV: ${rows.toLocaleString('en-GB')} rows (${KPIS} KPIs × ${PERIODS} periods), ${(statSync(csv).size / 1e6).toFixed(0)} MB`,
  );

  const base = await baseline(csv, ids, false);
  const baseWithLog = await baseline(csv, ids, true);

  async function runImport(path: string, sheet: string | null) {
    const preview = await call('import.inspect', { path, locale: 'en-GB' });
    const start = performance.now();
    const started = await call('import.start', {
      path,
      sheet,
      format: preview.format,
      mapping: preview.guess.mapping,
      numberLocale: 'en-GB',
      dayFirst: true,
      unknownKpis: { action: 'skip' },
    });
    const until = async (phase: ImportJobStatus['phase']): Promise<ImportJobStatus> => {
      for (;;) {
        const status = await call('import.status', { jobId: started.id });
        if (status.phase === phase) return status;
        if (status.phase === 'failed' || status.phase === 'cancelled')
          throw new Error(status.message ?? status.phase);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const ready = await until('ready');
    const dryRun = performance.now() - start;
    await call('import.apply', { jobId: started.id });
    const applied = await until('applied');
    return { total: performance.now() - start, dryRun, ready, applied };
  }

  // The baseline's garbage is not the import's: collect it before measuring stalls and memory.
  (globalThis as { gc?: () => void }).gc?.();
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const stall = monitorEventLoopDelay({ resolution: 5 });
  stall.enable();
  const ours = await runImport(csv, null);
  stall.disable();
  clearInterval(sampler);
  if (ours.applied.result?.inserted !== rows)
    throw new Error(`expected ${rows} values inserted, got ${JSON.stringify(ours.applied.result)}`);

  const perSecond = (count: number, ms: number): string =>
    `${Math.round((count / ms) * 1000).toLocaleString('en-GB')} rows/s`;
  console.log(
    `baseline (papaparse + one prepared INSERT, one transaction; writes no change log): ${(base / 1000).toFixed(2)} s, ${perSecond(rows, base)}`,
  );
  console.log(
    `baseline writing also one change-log row per value (the workspace's change_log table): ${(baseWithLog / 1000).toFixed(2)} s, ${perSecond(rows, baseWithLog)}`,
  );
  console.log(
    `our import, one change-log entry per value (dry run ${(ours.dryRun / 1000).toFixed(2)} s + apply ${((ours.total - ours.dryRun) / 1000).toFixed(2)} s): ${(ours.total / 1000).toFixed(2)} s, ${perSecond(rows, ours.total)}`,
  );
  console.log(
    `ratio: ${(base / ours.total).toFixed(2)}×   CSV import against the raw baseline, which writes no change log (target: at least 0.8)`,
  );
  console.log(
    `ratio: ${(baseWithLog / ours.total).toFixed(2)}×   CSV import against the baseline that also writes one change-log row per value (target: at least 0.8)`,
  );
  console.log(
    `peak memory (RSS, whole process): ${(peakRss / 2 ** 20).toFixed(0)} MiB   (target: under 1024 MiB)`,
  );
  console.log(
    `longest event-loop stall during the import: ${(stall.max / 1e6).toFixed(1)} ms   (target: under 50 ms)`,
  );

  const xlsx = join(dir, 'values.xlsx');
  await writeXlsx(xlsx);
  const alone = await exceljsAlone(xlsx);
  console.log(
    `\nXLSX: ${XLSX_ROWS.toLocaleString('en-GB')} rows, one KPI after another in each row`,
  );
  console.log(
    `exceljs streaming reader alone: ${(alone / 1000).toFixed(2)} s, ${perSecond(XLSX_ROWS, alone)}`,
  );
  const report = (label: string, run: { total: number; dryRun: number }): void => {
    console.log(
      `our import ${label} (dry run ${(run.dryRun / 1000).toFixed(2)} s + apply ${((run.total - run.dryRun) / 1000).toFixed(2)} s): ${(run.total / 1000).toFixed(2)} s, ${perSecond(XLSX_ROWS, run.total)}`,
    );
    console.log(
      `ratio: ${(alone / run.total).toFixed(2)}×   XLSX import ${label} against exceljs's streaming reader alone (target: at least 0.8)`,
    );
  };
  // Into KPIs with history (the million values above), then into a fresh workspace's KPIs.
  report(
    `into KPIs holding the ${rows.toLocaleString('en-GB')} values above`,
    await runImport(xlsx, 'Values'),
  );
  await freshWorkspace('fresh.kpis');
  report('into KPIs with no values yet', await runImport(xlsx, 'Values'));
  backend.close();
}

try {
  await main();
} finally {
  // Its workspaces, the CSV and the scratch databases come to about 1 GB a run.
  rmSync(dir, { recursive: true, force: true });
}
