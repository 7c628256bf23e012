// How long browser mode takes to be ready (issue 19: at most 3× bare Node loading
// better-sqlite3): from starting `node out/main/server.js` on the data folder of someone who
// has used the app (the most recent workspace is a copy of the sample) to its ready line,
// against a bare Node process that loads better-sqlite3, opens the same file and reads from it.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, startServer, stopServer } from './lib/server';

const RUNS = 7;

/** Bare Node: load better-sqlite3, open the workspace, read one row, print a line. */
function bareReady(path: string): Promise<number> {
  const script = `const Database = require('better-sqlite3');
const db = new Database(process.argv[1], { readonly: true, fileMustExist: true });
db.prepare('SELECT count(*) AS n FROM kpis').get();
process.stdout.write('READY\\n');
db.close();`;
  const start = performance.now();
  const child = spawn(process.execPath, ['-e', script, path], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('READY')) resolve(performance.now() - start);
    });
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`bare Node failed (exit code ${String(code)})`));
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'kpis-bench-ready-'));
const dataDir = join(dir, 'data');
try {
  // The first start ever builds the sample copy; later starts open it as the most recent.
  const first = await startServer(['--data-dir', dataDir]);
  await stopServer(first.server);
  const sample = readdirSync(join(dataDir, 'workspaces')).find((name) => name.endsWith('.kpis'));
  if (sample === undefined) throw new Error('the first start made no sample copy');
  const samplePath = join(dataDir, 'workspaces', sample);

  const app: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = await startServer(['--data-dir', dataDir]);
    app.push(started.readyMs);
    await stopServer(started.server);
    bare.push(await bareReady(samplePath));
  }
  const appMs = median(app);
  const bareMs = median(bare);
  console.log(`first start, sample copy built (one run): ${first.readyMs.toFixed(0)} ms`);
  console.log(
    `browser mode ready on the most recent workspace (median of ${RUNS}): ${appMs.toFixed(0)} ms`,
  );
  console.log(
    `bare Node loading better-sqlite3 and reading the same file (median of ${RUNS}): ${bareMs.toFixed(0)} ms`,
  );
  console.log(`ratio: ${(appMs / Math.max(bareMs, 1)).toFixed(1)}×   (target: at most 3×)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
