// A large generated workspace for the benchmarks: by default 500 KPIs × 120 monthly periods
// (60,000 values), 100 of them calculated and 50 parents rolling up three children each; the
// scorecard page also times a larger one (5,000 KPIs) through `size`.
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

export interface WorkspaceSize {
  kpis: number;
  periods: number;
  calculated: number;
  parents: number;
}

const DEFAULT_SIZE: WorkspaceSize = {
  kpis: KPIS,
  periods: PERIODS,
  calculated: CALCULATED,
  parents: PARENTS,
};

export async function buildLargeWorkspace(
  size: WorkspaceSize = DEFAULT_SIZE,
): Promise<LargeWorkspace> {
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
  for (let i = 0; i < size.kpis; i += 1) {
    const kpi = await call('kpi.create', {
      objectiveId: objectives[i % objectives.length] as string,
      name: `KPI ${i}`,
      code: `k${i}`,
      target: 100,
      aggregation: 'sum',
    });
    kpis.push({ id: kpi.id, code: kpi.code });
  }
  const periods = Array.from({ length: size.periods }, (_, i) =>
    shiftPeriod('monthly', '2016-11', i),
  );
  const entries = kpis.flatMap((kpi, k) =>
    periods.map((period, p) => ({ kpiId: kpi.id, period, value: 80 + ((k * 7 + p * 13) % 50) })),
  );
  // value.setMany takes at most 100,000 values a call.
  for (let start = 0; start < entries.length; start += 50_000)
    await call('value.setMany', { entries: entries.slice(start, start + 50_000) });
  // The last KPIs become calculated (100 by default); the ones before them (50) become
  // parents of three KPIs each.
  for (let i = size.kpis - size.calculated; i < size.kpis; i += 1) {
    const a = kpis[(i * 3) % 300] as { code: string };
    const b = kpis[(i * 5 + 1) % 300] as { code: string };
    await call('kpi.update', {
      id: (kpis[i] as { id: string }).id,
      patch: { formula: `${a.code} / ${b.code} * 100` },
    });
  }
  for (let p = 0; p < size.parents; p += 1) {
    const parent = kpis[size.kpis - size.calculated - size.parents + p] as { id: string };
    await call('kpi.update', { id: parent.id, patch: { rollup: 'sum' } });
    for (let c = 0; c < 3; c += 1) {
      const child = kpis[p * 3 + c] as { id: string };
      await call('kpi.setParent', { id: child.id, parentKpiId: parent.id });
    }
  }
  return { dir, path, scorecardId: scorecard.id, backend, call };
}
