// Scoring speed (issue: scoring engine). A workspace of 500 KPIs × 120 monthly periods
// (60,000 values), 100 of them calculated and 50 parents rolling up children, evaluated for
// one period through the API, against the raw SQL read of the same values in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import type { MethodName, MethodOutput, MethodParams } from '@shared/api/contract';
import { shiftPeriod } from '@shared/domain/period';
import { createBackend } from '../electron/backend';

const KPIS = 500;
const PERIODS = 120;
const CALCULATED = 100;
const PARENTS = 50;
const RUNS = 15;

const dir = mkdtempSync(join(tmpdir(), 'kpis-bench-'));
const backend = createBackend({
  mode: 'browser',
  appVersion: 'bench',
  dataDir: join(dir, 'data'),
  workspacesDir: join(dir, 'workspaces'),
  samplePath: join(dir, 'none.json'),
  userName: 'bench',
});

async function call<M extends MethodName>(
  method: M,
  params: MethodParams<M>,
): Promise<MethodOutput<M>> {
  const result = await backend.dispatch(method, params);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.data as MethodOutput<M>;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function main(): Promise<void> {
  await call('workspace.create', { name: 'Bench', path: join(dir, 'bench.kpis') });
  const scorecard = await call('scorecard.create', { name: 'Company' });
  const view = await call('scorecard.view', { id: scorecard.id });
  const objectives: string[] = [];
  for (const { perspective } of view.perspectives) {
    for (let i = 0; i < 5; i += 1) {
      objectives.push(
        (
          await call('objective.create', {
            perspectiveId: perspective.id,
            name: `Objective ${i + 1}`,
          })
        ).id,
      );
    }
  }
  const kpis: { id: string; code: string }[] = [];
  for (let i = 0; i < KPIS; i += 1) {
    const kpi = await call('kpi.create', {
      objectiveId: objectives[i % objectives.length] as string,
      name: `KPI ${i}`,
      code: `k${i}`,
      target: 100,
      aggregation: 'sum',
    });
    kpis.push({ id: kpi.id, code: kpi.code });
  }
  const periods = Array.from({ length: PERIODS }, (_, i) => shiftPeriod('monthly', '2016-11', i));
  const entries = kpis.flatMap((kpi, k) =>
    periods.map((period, p) => ({ kpiId: kpi.id, period, value: 80 + ((k * 7 + p * 13) % 50) })),
  );
  await call('value.setMany', { entries });
  // The last 100 KPIs become calculated; 50 before them become parents of three KPIs each.
  for (let i = KPIS - CALCULATED; i < KPIS; i += 1) {
    const a = kpis[(i * 3) % 300] as { code: string };
    const b = kpis[(i * 5 + 1) % 300] as { code: string };
    await call('kpi.update', {
      id: (kpis[i] as { id: string }).id,
      patch: { formula: `${a.code} / ${b.code} * 100` },
    });
  }
  for (let p = 0; p < PARENTS; p += 1) {
    const parent = kpis[KPIS - CALCULATED - PARENTS + p] as { id: string };
    await call('kpi.update', { id: parent.id, patch: { rollup: 'sum' } });
    for (let c = 0; c < 3; c += 1) {
      const child = kpis[p * 3 + c] as { id: string };
      await call('kpi.setParent', { id: child.id, parentKpiId: parent.id });
    }
  }
  const copy = join(dir, 'copy.kpis');
  await call('workspace.saveCopy', { path: copy });

  const evaluate = () =>
    call('scorecard.evaluate', { id: scorecard.id, period: '2026-10', sparklineLength: 12 });
  await evaluate();
  const apiTimes: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    const result = await evaluate();
    apiTimes.push(performance.now() - start);
    if (result.perspectives.length === 0) throw new Error('nothing evaluated');
  }

  const raw = new Database(copy, { readonly: true });
  const read = raw
    .prepare<[], [string, string, number]>('SELECT kpi_id, period, value FROM kpi_values')
    .raw();
  read.all();
  const rawTimes: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    const rows = read.all();
    rawTimes.push(performance.now() - start);
    if (rows.length !== KPIS * PERIODS)
      throw new Error(`expected ${KPIS * PERIODS} rows, read ${rows.length}`);
  }
  raw.close();

  const api = median(apiTimes);
  const sql = median(rawTimes);
  console.log(
    `workspace: ${KPIS} KPIs × ${PERIODS} monthly periods = ${KPIS * PERIODS} values, ${CALCULATED} calculated, ${PARENTS} parents`,
  );
  console.log(
    `scorecard.evaluate through the API (median of ${RUNS}): ${api.toFixed(1)} ms   (target: under 100 ms)`,
  );
  console.log(`raw SQL read of the same values (median of ${RUNS}):   ${sql.toFixed(1)} ms`);
  console.log(`ratio: ${(api / sql).toFixed(2)}×   (target: at most 3×)`);
}

try {
  await main();
} finally {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
}
