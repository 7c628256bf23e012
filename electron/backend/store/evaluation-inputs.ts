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
 * Each KPI's periods with a value, joined by commas (period keys hold none), in no set order;
 * `kpiIds`: only these KPIs' (all when left out). One row per KPI: a 60,000-value workspace
 * comes back as 500 strings instead of 60,000 rows.
 */
function joinedPeriods(db: Db, kpiIds?: readonly string[]): [string, string][] {
  return kpiIds === undefined
    ? db
        .prepare<[], [string, string]>(
          "SELECT kpi_id, group_concat(period, ',') FROM kpi_values GROUP BY kpi_id",
        )
        .raw()
        .all()
    : db
        .prepare<[string], [string, string]>(
          `SELECT kpi_id, group_concat(period, ',') FROM kpi_values
           WHERE kpi_id IN (SELECT value FROM json_each(?)) GROUP BY kpi_id`,
        )
        .raw()
        .all(JSON.stringify(kpiIds));
}

/**
 * Each KPI's periods with a value (KPIs without any are left out), in no set order; `kpiIds`:
 * only these KPIs' (all when left out).
 */
export function periodsByKpi(db: Db, kpiIds?: readonly string[]): Map<string, string[]> {
  return new Map(joinedPeriods(db, kpiIds).map(([kpiId, periods]) => [kpiId, periods.split(',')]));
}

/** Every KPI's periods with a value, oldest first (KPIs without any are left out). */
export interface KpiPeriods {
  byKpi: ReadonlyMap<string, readonly string[]>;
  /** Whether every period key is ASCII (see readWindowNumbers). */
  ascii: boolean;
}

/** SQLite orders text by its UTF-8 bytes, JavaScript by UTF-16 units: the same for ASCII. */
const ASCII = /^[\x20-\x7e]*$/;

/** Whether a KPI's periods are oldest first (keys of one frequency sort by time as strings). */
function ascending(periods: readonly string[]): boolean {
  for (let i = 1; i < periods.length; i += 1)
    if ((periods[i - 1] as string) >= (periods[i] as string)) return false;
  return true;
}

/** Every KPI's periods with a value, oldest first: read in one pass like periodsByKpi. */
export function readPeriods(db: Db): KpiPeriods {
  const rows = joinedPeriods(db);
  const byKpi = new Map<string, string[]>();
  let ascii = true;
  for (const [kpiId, joined] of rows) {
    ascii &&= ASCII.test(joined);
    const list = joined.split(',');
    // group_concat follows the primary key's order in practice, but SQL does not promise it.
    if (!ascending(list)) list.sort();
    byKpi.set(kpiId, list);
  }
  return { byKpi, ascii };
}

/** The index of the first of these ascending periods at or after `from`. */
function firstFrom(periods: readonly string[], from: string): number {
  let low = 0;
  let high = periods.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((periods[middle] as string) < from) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * readValues with every KPI's periods known already (`periods`, read in the same data state):
 * only the numbers are read, one statement per frequency in one ordered pass, and paired with
 * the periods they belong to. Reading the periods with each value again was most of the cost
 * (5,000 KPIs × 24 months: a string and a row for each of 120,000 values, 5,000 statements).
 * Null when the numbers read do not line up with `periods` (then readValues reads anew).
 */
export function readWindowNumbers(
  db: Db,
  kpis: readonly Kpi[],
  windows: ValueWindows,
  periods: KpiPeriods,
): { values: Map<string, PeriodValue[]>; latestPeriods: Map<string, string> } | null {
  if (!periods.ascii) return null;
  const numbers = db
    .prepare<[string, string], number>(
      `SELECT value FROM kpi_values WHERE kpi_id IN (SELECT value FROM json_each(?))
       AND period >= ? ORDER BY kpi_id, period`,
    )
    .pluck();
  const byFrequency = new Map<Frequency, string[]>();
  for (const kpi of kpis) {
    if (!periods.byKpi.has(kpi.id)) continue;
    if (!ASCII.test(kpi.id)) return null;
    const ids = byFrequency.get(kpi.frequency);
    if (ids) ids.push(kpi.id);
    else byFrequency.set(kpi.frequency, [kpi.id]);
  }
  const values = new Map<string, PeriodValue[]>();
  const latestPeriods = new Map<string, string>();
  for (const [frequency, ids] of byFrequency) {
    const window = windows.get(frequency) ?? null;
    const from = window?.from ?? '';
    ids.sort();
    const read = numbers.all(JSON.stringify(ids), from);
    let next = 0;
    for (const id of ids) {
      const list = periods.byKpi.get(id) as readonly string[];
      latestPeriods.set(id, list.at(-1) as string);
      const start = firstFrom(list, from);
      const count = list.length - start;
      if (next + count > read.length) return null;
      // Keys of one frequency sort by time: the periods after the window are at the end.
      let end = list.length;
      if (window) while (end > start && (list[end - 1] as string) > window.to) end -= 1;
      if (end > start) {
        const entries = new Array<PeriodValue>(end - start);
        for (let i = start; i < end; i += 1)
          entries[i - start] = {
            period: list[i] as string,
            value: read[next + i - start] as number,
          };
        values.set(id, entries);
      }
      next += count;
    }
    if (next !== read.length) return null;
  }
  return { values, latestPeriods };
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

/**
 * `periods`: every KPI's periods, read in this data state (see readPeriods); with `windows`,
 * only the numbers are then read.
 */
export function readEvaluationInputs(
  db: Db,
  windows?: ValueWindows,
  structure: Structure = readStructure(db),
  periods?: KpiPeriods,
): EvaluationInputs {
  const { values, latestPeriods } =
    (windows !== undefined && periods !== undefined
      ? readWindowNumbers(db, structure.kpis, windows, periods)
      : null) ?? readValues(db, structure.kpis, windows);
  return { ...structure, values, ...(latestPeriods ? { latestPeriods } : {}) };
}
