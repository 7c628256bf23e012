import type { Kpi, Objective, Perspective, Scorecard } from '@shared/domain/entities';
import type { Frequency } from '@shared/domain/kpi';
import type { PeriodValue } from '@shared/scoring/aggregate';
import { listKpis } from './kpis';
import { listAllObjectives, listAllPerspectives, listAllScorecards } from './records';
import type { Db } from '../workspace/connection';

// Everything the scoring engine reads, in a handful of queries: formulas and roll-ups may
// reach any KPI of the workspace, so the whole workspace is read at once (one pass over
// kpi_values), which is also what keeps a 60,000-value evaluation fast.

export interface EvaluationInputs {
  kpis: Kpi[];
  values: Map<string, PeriodValue[]>;
  /** Present when `values` is windowed. */
  latestPeriods?: Map<string, string>;
  objectives: Objective[];
  perspectives: Perspective[];
  scorecards: Scorecard[];
}

export type ValueWindows = ReadonlyMap<Frequency, { from: string; to: string } | null>;

/**
 * Values to evaluate. With `windows`, only each KPI's periods inside its frequency's window are
 * read — one index range per KPI instead of the whole table — together with each KPI's latest
 * period, which the engine needs to know whether a period is still being reported.
 */
function readValues(
  db: Db,
  kpis: readonly Kpi[],
  windows: ValueWindows | undefined,
): { values: Map<string, PeriodValue[]>; latestPeriods: Map<string, string> | undefined } {
  const values = new Map<string, PeriodValue[]>();
  if (windows === undefined) {
    const rows = db
      .prepare<[], [string, string, number]>(
        'SELECT kpi_id, period, value FROM kpi_values ORDER BY kpi_id, period',
      )
      .raw()
      .all();
    for (const [kpiId, period, value] of rows) {
      const list = values.get(kpiId);
      if (list) list.push({ period, value });
      else values.set(kpiId, [{ period, value }]);
    }
    return { values, latestPeriods: undefined };
  }
  // From the window's start to the KPI's end: the last row is then its latest period, read
  // with its values instead of by a second query per KPI (5,000 KPIs: 5,000 queries fewer).
  // Only KPIs with nothing from the window on ask for their latest period apart.
  const since = db
    .prepare<[string, string], [string, number]>(
      'SELECT period, value FROM kpi_values WHERE kpi_id = ? AND period >= ? ORDER BY period',
    )
    .raw();
  const all = db
    .prepare<[string], [string, number]>(
      'SELECT period, value FROM kpi_values WHERE kpi_id = ? ORDER BY period',
    )
    .raw();
  const latest = db
    .prepare<[string], [string | null]>('SELECT max(period) FROM kpi_values WHERE kpi_id = ?')
    .raw();
  const latestPeriods = new Map<string, string>();
  for (const kpi of kpis) {
    const window = windows.get(kpi.frequency);
    const rows = window ? since.all(kpi.id, window.from) : all.all(kpi.id);
    const last = rows.at(-1)?.[0] ?? (latest.get(kpi.id) ?? [null])[0];
    if (last !== null) latestPeriods.set(kpi.id, last);
    // Keys of one frequency sort by time: the rows after the window are at the end.
    let end = rows.length;
    if (window) while (end > 0 && (rows[end - 1] as [string, number])[0] > window.to) end -= 1;
    if (end > 0) {
      const list: PeriodValue[] = new Array<PeriodValue>(end);
      for (let i = 0; i < end; i += 1) {
        const [period, value] = rows[i] as [string, number];
        list[i] = { period, value };
      }
      values.set(kpi.id, list);
    }
  }
  return { values, latestPeriods };
}

/**
 * Each of these KPIs' periods with a value (KPIs without any are left out), in no set order.
 * One row per KPI with its periods joined: a 60,000-value workspace comes back as 500 strings
 * instead of 60,000 rows (period keys hold no comma).
 */
export function periodsByKpi(db: Db, kpiIds: readonly string[]): Map<string, string[]> {
  const rows = db
    .prepare<[string], [string, string]>(
      `SELECT kpi_id, group_concat(period, ',') FROM kpi_values
       WHERE kpi_id IN (SELECT value FROM json_each(?)) GROUP BY kpi_id`,
    )
    .raw()
    .all(JSON.stringify(kpiIds));
  return new Map(rows.map(([kpiId, periods]) => [kpiId, periods.split(',')]));
}

export interface Structure {
  kpis: Kpi[];
  objectives: Objective[];
  perspectives: Perspective[];
  scorecards: Scorecard[];
}

export function readStructure(db: Db): Structure {
  return {
    kpis: listKpis(db),
    objectives: listAllObjectives(db),
    perspectives: listAllPerspectives(db),
    scorecards: listAllScorecards(db),
  };
}

export function readEvaluationInputs(
  db: Db,
  windows?: ValueWindows,
  structure: Structure = readStructure(db),
): EvaluationInputs {
  const { values, latestPeriods } = readValues(db, structure.kpis, windows);
  return { ...structure, values, ...(latestPeriods ? { latestPeriods } : {}) };
}
