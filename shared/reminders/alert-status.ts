import type { Frequency, Status } from '../domain/kpi';
import { parsePeriod, periodKeyOfDay, shiftPeriod } from '../domain/period';
import type { PeriodValue } from '../scoring/aggregate';
import { bucketOfDay, periodsOfBucket, shiftBucket } from '../scoring/buckets';
import { monthsOfBucket, type ViewFrequency, type ViewSpec } from '../scoring/calendar';
import { evaluateKpis, type EvaluationKpi, type KpiEvaluation } from '../scoring/evaluate-kpis';
import {
  evaluateStructure,
  type ScoredNode,
  type StructureKpi,
  type StructureObjective,
  type StructurePerspective,
  type StructureScorecard,
} from '../scoring/evaluate-structure';
import { FORECAST_WINDOW, type BucketForecast } from '../scoring/forecast';
import { defaultPeriod, type ReportingKpi } from '../scoring/default-period';

// What the scoring engine says about each KPI and objective of one workspace, for off-track
// alerts: its status in its latest period with data and in the period before, and the forecast
// of the period running today. No status rule lives here: every status comes from
// evaluateKpis / evaluateStructure, so an alert can never disagree with the scorecard screen.
//
// Each KPI is looked at in the view it is measured in (a monthly KPI by month, a quarterly one
// by quarter), on the calendar year; an objective in the coarsest view of its KPIs, the one
// in which every KPI below it has a value.

export interface AlertKpi extends EvaluationKpi, StructureKpi {
  name: string;
  owner: string;
  decimals: number;
}

export interface AlertValue extends PeriodValue {
  /** When the value was entered or imported (UTC ISO). */
  enteredAt: string;
}

/** One workspace as the alert rule reads it (the scoring engine's inputs, plus names). */
export interface AlertInputs {
  kpis: readonly AlertKpi[];
  objectives: readonly (StructureObjective & { name: string })[];
  perspectives: readonly StructurePerspective[];
  scorecards: readonly StructureScorecard[];
  /** Per KPI, oldest period first; from oldestPeriodsRead on is enough. */
  values: ReadonlyMap<string, readonly AlertValue[]>;
}

interface SubjectBase {
  id: string;
  name: string;
  /** The KPI to open; null for an objective. */
  kpiId: string | null;
  scorecardId: string | null;
  owner: string;
  view: ViewFrequency;
  bucket: string;
  /** The newest entry among the values counted in `bucket`: when the news arrived. */
  enteredAt: string;
}

export interface StatusFinding extends SubjectBase {
  kind: 'status';
  subject: 'kpi' | 'objective';
  status: Status;
  previous: Status;
  previousBucket: string;
  /** The KPI and its value and target in `bucket` (null for objectives). */
  kpi: AlertKpi | null;
  evaluation: KpiEvaluation | null;
}

export interface ForecastFinding extends SubjectBase {
  kind: 'forecast';
  kpi: AlertKpi;
  forecast: BucketForecast;
  /** The whole period's target, or null for a within-range KPI. */
  target: number | null;
}

export type AlertFinding = StatusFinding | ForecastFinding;

const VIEW_OF_FREQUENCY: Record<AlertKpi['frequency'], ViewFrequency> = {
  daily: 'month',
  weekly: 'month',
  monthly: 'month',
  quarterly: 'quarter',
  yearly: 'year',
};
const VIEW_RANK: Record<ViewFrequency, number> = { month: 0, quarter: 1, year: 2 };
const spec = (frequency: ViewFrequency): ViewSpec => ({
  frequency,
  basis: 'calendar',
  fiscalYearStartMonth: 1,
});

/**
 * The oldest period of each frequency that alerts on news since `sinceDay` read: the period
 * before the latest, and a forecast's FORECAST_WINDOW periods of trend, with one to spare.
 * Reading only these keeps a check of a workspace with years of history quick.
 */
export function oldestPeriodsRead(sinceDay: string): Record<Frequency, string> {
  const monthStart = `${shiftPeriod('monthly', periodKeyOfDay('monthly', sinceDay), -(FORECAST_WINDOW + 1))}-01`;
  const back = (frequency: Frequency) =>
    shiftPeriod(frequency, periodKeyOfDay(frequency, sinceDay), -(FORECAST_WINDOW + 1));
  return {
    daily: periodKeyOfDay('daily', monthStart),
    weekly: periodKeyOfDay('weekly', monthStart),
    monthly: periodKeyOfDay('monthly', monthStart),
    quarterly: back('quarterly'),
    yearly: back('yearly'),
  };
}

/** The last day of a view period (ISO date). */
function lastDayOf(bucket: string, view: ViewSpec): string {
  const month = monthsOfBucket(bucket, view).at(-1);
  return (month === undefined ? undefined : parsePeriod('monthly', month)?.end) ?? '';
}

interface Evaluated {
  kpis: Map<string, KpiEvaluation>;
  objectives: Map<string, ScoredNode>;
}

/**
 * Findings for every KPI and objective whose latest period with data ended on or after
 * `sinceDay` (older news is the health check's business, not an alert), and forecasts for the
 * periods that contain `today`.
 */
export function alertFindings(
  inputs: AlertInputs,
  today: string,
  sinceDay: string,
): AlertFinding[] {
  const cache = new Map<string, Evaluated>();
  const evaluate = (view: ViewFrequency, bucket: string): Evaluated => {
    const cacheKey = `${view}|${bucket}`;
    let found = cache.get(cacheKey);
    if (!found) {
      const kpis = evaluateKpis(inputs.kpis, inputs.values, {
        view: spec(view),
        bucket,
        sparklineLength: 2,
      });
      const { objectives } = evaluateStructure({ ...inputs, evaluations: kpis });
      cache.set(cacheKey, (found = { kpis, objectives }));
    }
    return found;
  };

  // Formulas and roll-ups: their values come from other KPIs', as evaluateKpis decides.
  const parents = new Set(inputs.kpis.map((kpi) => kpi.parentKpiId));
  const derived = new Set(
    inputs.kpis
      .filter((kpi) => kpi.formula !== null || (kpi.rollup !== 'manual' && parents.has(kpi.id)))
      .map((kpi) => kpi.id),
  );
  const allIds = inputs.kpis.map((kpi) => kpi.id);
  const frequencyOf = new Map(inputs.kpis.map((kpi) => [kpi.id, kpi.frequency]));

  // Which period a KPI, a formula or roll-up, or an objective is looked at: the same rule as
  // the scorecard's default period (default-period.ts), so one value entered for a later
  // period does not move an objective's alert there, and no alert is about the future.
  const reporting = (ids: readonly string[]): ReportingKpi[] =>
    ids.flatMap((id) => {
      const frequency = frequencyOf.get(id);
      const entries = inputs.values.get(id);
      return derived.has(id) || !frequency || !entries || entries.length === 0
        ? []
        : [{ frequency, periods: entries.map((entry) => entry.period) }];
    });
  const periodOf = (ids: readonly string[], view: ViewFrequency): string | null => {
    const kpis = reporting(ids);
    return kpis.length === 0 ? null : defaultPeriod(kpis, spec(view), today);
  };
  const workspaceLatest = new Map<ViewFrequency, string | null>();
  const latestIn = (view: ViewFrequency): string | null => {
    if (!workspaceLatest.has(view)) workspaceLatest.set(view, periodOf(allIds, view));
    return workspaceLatest.get(view) ?? null;
  };
  const latestOf = (id: string, view: ViewFrequency): string | null =>
    derived.has(id) ? latestIn(view) : periodOf([id], view);

  // Newest entry per KPI in one view period, worked out once per period: formulas and
  // roll-ups ask for every KPI's.
  const entries = new Map<string, Map<string, string>>();
  const newestEntries = (view: ViewFrequency, bucket: string): Map<string, string> => {
    const cacheKey = `${view}|${bucket}`;
    let found = entries.get(cacheKey);
    if (!found) {
      found = new Map();
      for (const kpi of inputs.kpis) {
        const periods = periodsOfBucket(kpi.frequency, bucket, spec(view));
        const first = periods[0];
        const last = periods.at(-1);
        if (first === undefined || last === undefined) continue;
        let at = '';
        for (const entry of inputs.values.get(kpi.id) ?? [])
          if (entry.period >= first && entry.period <= last && entry.enteredAt > at)
            at = entry.enteredAt;
        if (at !== '') found.set(kpi.id, at);
      }
      entries.set(cacheKey, found);
    }
    return found;
  };
  const enteredIn = (ids: readonly string[], view: ViewFrequency, bucket: string): string => {
    const newestOf = newestEntries(view, bucket);
    let at = '';
    for (const id of ids) {
      const entered = newestOf.get(id);
      if (entered !== undefined && entered > at) at = entered;
    }
    return at;
  };
  const sourcesOf = (ids: readonly string[]) => (ids.some((id) => derived.has(id)) ? allIds : ids);

  const perspectiveScorecard = new Map(inputs.perspectives.map((p) => [p.id, p.scorecardId]));
  const objectiveById = new Map(inputs.objectives.map((o) => [o.id, o]));
  const scorecardOfObjective = (objectiveId: string): string | null =>
    perspectiveScorecard.get(objectiveById.get(objectiveId)?.perspectiveId ?? '') ?? null;

  const findings: AlertFinding[] = [];
  const statusFinding = (
    base: Omit<SubjectBase, 'bucket' | 'enteredAt'>,
    subject: 'kpi' | 'objective',
    ids: readonly string[],
    bucket: string,
    pick: (evaluated: Evaluated) => Status,
    kpi: AlertKpi | null = null,
  ): void => {
    const view = spec(base.view);
    if (lastDayOf(bucket, view) < sinceDay) return;
    const enteredAt = enteredIn(sourcesOf(ids), base.view, bucket);
    if (enteredAt === '') return;
    const previousBucket = shiftBucket(bucket, -1, view);
    const now = evaluate(base.view, bucket);
    findings.push({
      ...base,
      kind: 'status',
      subject,
      bucket,
      enteredAt,
      status: pick(now),
      previous: pick(evaluate(base.view, previousBucket)),
      previousBucket,
      kpi,
      evaluation: kpi ? (now.kpis.get(kpi.id) ?? null) : null,
    });
  };

  for (const kpi of inputs.kpis) {
    const view = VIEW_OF_FREQUENCY[kpi.frequency];
    const base = {
      id: kpi.id,
      name: kpi.name,
      kpiId: kpi.id,
      scorecardId: scorecardOfObjective(kpi.objectiveId),
      owner: kpi.owner,
      view,
    };
    const bucket = latestOf(kpi.id, view);
    if (bucket !== null)
      statusFinding(
        base,
        'kpi',
        [kpi.id],
        bucket,
        (e) => e.kpis.get(kpi.id)?.status ?? 'no_data',
        kpi,
      );

    // A forecast is made for a KPI's own values only (see evaluateKpis), in the period of today.
    if (derived.has(kpi.id)) continue;
    const current = bucketOfDay(today, spec(view));
    const forecast = evaluate(view, current).kpis.get(kpi.id)?.forecast ?? null;
    if (forecast?.verdict !== 'projected_to_miss' || forecast.gap === null) continue;
    const enteredAt =
      inputs.values.get(kpi.id)?.reduce((at, v) => (v.enteredAt > at ? v.enteredAt : at), '') ?? '';
    if (enteredAt === '') continue;
    const target =
      kpi.direction === 'within_range'
        ? null
        : kpi.direction === 'higher_is_better'
          ? forecast.projected + forecast.gap
          : forecast.projected - forecast.gap;
    findings.push({ ...base, kind: 'forecast', bucket: current, enteredAt, kpi, forecast, target });
  }

  for (const objective of inputs.objectives) {
    const kpis = inputs.kpis.filter((kpi) => kpi.objectiveId === objective.id);
    // An objective of one KPI shows that KPI's own status (evaluate-structure.ts): its alert
    // would only repeat the KPI's.
    if (kpis.length < 2) continue;
    const view = kpis
      .map((kpi) => VIEW_OF_FREQUENCY[kpi.frequency])
      .reduce((a, b) => (VIEW_RANK[b] > VIEW_RANK[a] ? b : a));
    const ids = kpis.map((kpi) => kpi.id);
    const bucket = ids.some((id) => derived.has(id)) ? latestIn(view) : periodOf(ids, view);
    if (bucket === null) continue;
    const base = {
      id: objective.id,
      name: objective.name,
      kpiId: null,
      scorecardId: scorecardOfObjective(objective.id),
      owner: '',
      view,
    };
    statusFinding(
      base,
      'objective',
      ids,
      bucket,
      (e) => e.objectives.get(objective.id)?.status ?? 'no_data',
    );
  }
  return findings;
}
