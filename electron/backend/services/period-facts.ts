import type { Kpi } from '@shared/domain/entities';
import type { ScorecardEvaluation } from '@shared/domain/evaluation';
import type { ViewSpec } from '@shared/scoring/calendar';
import {
  completenessOf,
  countReporting,
  reportingPlacer,
  type CountedKpi,
  type ReportingKpi,
} from '@shared/scoring/default-period';
import { periodsByKpi, type KpiPeriods } from '../store/evaluation-inputs';
import type { Db } from '../workspace/connection';

// Which view periods of a scorecard have data and how complete each is: read from every
// value's period, whatever period is shown.

const MAX_PERIODS = 120;

/** The KPIs whose values are entered: not calculated, not rolled up from children. */
function enteredKpis(kpis: readonly Kpi[], all: readonly Kpi[]): Kpi[] {
  const parents = new Set(all.map((kpi) => kpi.parentKpiId));
  return kpis.filter(
    (kpi) => kpi.formula === null && !(kpi.rollup !== 'manual' && parents.has(kpi.id)),
  );
}

/** The entered KPIs with their periods: what the default period and completeness count. */
export function reportingKpis(db: Db, kpis: readonly Kpi[], all: readonly Kpi[]): ReportingKpi[] {
  const entered = enteredKpis(kpis, all);
  const periods = periodsByKpi(
    db,
    entered.map((kpi) => kpi.id),
  );
  return entered.map((kpi) => ({ frequency: kpi.frequency, periods: periods.get(kpi.id) ?? [] }));
}

export interface PeriodFacts {
  /**
   * View periods with any value of the scorecard's KPIs, newest first; a coarser KPI's value
   * in the one its period ends in.
   */
  availablePeriods: string[];
  completeness: ScorecardEvaluation['completeness'];
  /** The KPIs whose values are entered, with their view periods (what the default counts). */
  counted: CountedKpi[];
}

/**
 * The view periods of a scorecard's KPIs with data, and how complete each is: the part of an
 * evaluation that reads every value's period, whatever period is shown. `kpis`: the
 * scorecard's own; `all`: every KPI of the workspace (parents may sit elsewhere); `periods`:
 * every KPI's periods (readPeriods).
 */
export function periodFacts(
  periods: KpiPeriods['byKpi'],
  kpis: readonly Kpi[],
  all: readonly Kpi[],
  view: ViewSpec,
): PeriodFacts {
  const buckets = new Set<string>();
  // A coarser KPI's period counts in the view period it ends in (Q3 in September), as the
  // default period and completeness count it: a month view of quarterly KPIs has data then.
  const place = reportingPlacer(view);
  for (const kpi of kpis)
    for (const period of periods.get(kpi.id) ?? []) {
      const bucket = place(kpi.frequency, period);
      if (bucket !== null) buckets.add(bucket);
    }
  // Buckets of one view sort by time as strings (FY keys among themselves, calendar likewise).
  const availablePeriods = [...buckets].sort().reverse().slice(0, MAX_PERIODS);
  const counted = countReporting(
    enteredKpis(kpis, all).map((kpi) => ({
      frequency: kpi.frequency,
      periods: periods.get(kpi.id) ?? [],
    })),
    view,
  );
  const counts = completenessOf(counted, view);
  return {
    availablePeriods,
    completeness: availablePeriods.map((bucket) => ({
      period: bucket,
      ...(counts.get(bucket) ?? { reported: 0, expected: 0 }),
    })),
    counted,
  };
}
