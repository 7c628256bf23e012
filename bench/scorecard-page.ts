/// <reference lib="dom" />
// How long Chromium takes to show every status of a 500-KPI scorecard (issue: scoring engine,
// target under 1 s), against rendering a static page with the same number of rows and status
// badges in the same browser, measured in the same run.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildLargeWorkspace, KPIS } from './lib/large-workspace';

const RUNS = 5;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const workspace = await buildLargeWorkspace();
workspace.backend.close();
const server = spawn(
  process.execPath,
  [
    'out/main/server.js',
    '--port',
    '0',
    '--data-dir',
    join(workspace.dir, 'data'),
    '--workspace',
    workspace.path,
    '--no-open',
    '--ready-json',
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const url = await new Promise<string>((resolve, reject) => {
  let output = '';
  server.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    const line = output.split('\n').find((entry) => entry.startsWith('KPIS_READY '));
    if (line) resolve((JSON.parse(line.slice('KPIS_READY '.length)) as { url: string }).url);
  });
  server.on('exit', () => reject(new Error(`the server stopped: ${output}`)));
});

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  // A function, not a string: the app's CSP rightly refuses string evaluation.
  const statuses = (count: number) => document.querySelectorAll('.kpi-row .status').length >= count;
  await page.goto(url);
  await page.waitForFunction(statuses, KPIS, { timeout: 60_000 });
  const app: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = Date.now();
    await page.reload();
    await page.waitForFunction(statuses, KPIS, { timeout: 60_000 });
    app.push(Date.now() - start);
  }
  const rows = Array.from(
    { length: KPIS },
    (_, i) =>
      `<tr class="kpi-row"><th>KPI ${i}</th><td>123</td><td>100</td><td><span class="status">● On track</span></td></tr>`,
  ).join('');
  const html = `<!doctype html><table>${rows}</table>`;
  const plain: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = Date.now();
    await page.setContent(html);
    await page.waitForFunction(statuses, KPIS);
    plain.push(Date.now() - start);
  }
  const appMs = median(app);
  const plainMs = median(plain);
  console.log(
    `scorecard view of ${KPIS} KPIs, page load until every status shows (median of ${RUNS}): ${appMs} ms   (target: under 1,000 ms)`,
  );
  console.log(
    `static page with the same ${KPIS} rows and statuses (median of ${RUNS}): ${plainMs} ms`,
  );
  console.log(`ratio: ${(appMs / Math.max(plainMs, 1)).toFixed(1)}×`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(workspace.dir, { recursive: true, force: true });
}
