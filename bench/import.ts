// Import speed (issue: import and export). A long CSV of 1,000,000 rows (2,000 KPIs × 500
// monthly periods) imported through the API — dry run and apply, read on the worker thread —
// against an in-run baseline on the same rows: papaparse plus one prepared INSERT in one
// transaction into a scratch database. Also: peak memory, the longest stall of the event loop
// that serves the UI, and a 100,000-row XLSX against exceljs's streaming reader alone.
import { createReadStream, createWriteStream, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { once } from 'node:events';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { shiftPeriod } from '@shared/domain/period';
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

/** The baseline: papaparse over the file, one prepared INSERT, one transaction. */
async function baseline(path: string, ids: Map<string, string>): Promise<number> {
  const db = new Database(join(dir, `scratch-${Date.now()}.db`));
  db.pragma('journal_mode = WAL');
  db.exec(SCRATCH_SCHEMA);
  const insert = db.prepare(
    'INSERT INTO kpi_values (kpi_id, period, value, entered_at) VALUES (?, ?, ?, ?)',
  );
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
          insert.run(ids.get(row[0] as string), row[1], Number(row[2]), 'now');
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

  const base = await baseline(csv, ids);

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
    `baseline (papaparse + one prepared INSERT, one transaction): ${(base / 1000).toFixed(2)} s, ${perSecond(rows, base)}`,
  );
  console.log(
    `our import (dry run ${(ours.dryRun / 1000).toFixed(2)} s + apply ${((ours.total - ours.dryRun) / 1000).toFixed(2)} s): ${(ours.total / 1000).toFixed(2)} s, ${perSecond(rows, ours.total)}`,
  );
  console.log(`ratio of throughputs: ${(base / ours.total).toFixed(2)}   (target: at least 0.5)`);
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
      `our import ${label} (dry run ${(run.dryRun / 1000).toFixed(2)} s + apply ${((run.total - run.dryRun) / 1000).toFixed(2)} s): ${(run.total / 1000).toFixed(2)} s, ${perSecond(XLSX_ROWS, run.total)}, ratio ${(alone / run.total).toFixed(2)}   (target: at least 0.5)`,
    );
  };
  // Into KPIs with history (the million values above), then into a fresh workspace's KPIs.
  report('into KPIs holding the 1M values above', await runImport(xlsx, 'Values'));
  await freshWorkspace('fresh.kpis');
  report('into KPIs with no values yet', await runImport(xlsx, 'Values'));
  backend.close();
}

await main();
