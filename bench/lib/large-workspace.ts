// A large generated workspace for the benchmarks: 500 KPIs × 120 monthly periods (60,000
// values), 100 of them calculated and 50 parents rolling up three children each.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shiftPeriod } from '@shared/domain/period';
import type { Backend } from '../../electron/backend';
import { benchBackend, type Call } from './backend';

export const KPIS = 500;
export const PERIODS = 120;
export const CALCULATED = 100;
export const PARENTS = 50;

export interface LargeWorkspace {
  dir: string;
  path: string;
  scorecardId: string;
  backend: Backend;
  call: Call;
}

export async function buildLargeWorkspace(): Promise<LargeWorkspace> {
  const dir = mkdtempSync(join(tmpdir(), 'kpis-bench-'));
  const { backend, call } = benchBackend(dir);
  const path = join(dir, 'bench.kpis');
  await call('workspace.create', { name: 'Bench', path });
  const scorecard = await call('scorecard.create', { name: 'Company' });
  const view = await call('scorecard.evaluate', { id: scorecard.id });
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
  return { dir, path, scorecardId: scorecard.id, backend, call };
}
