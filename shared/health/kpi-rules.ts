import type { Kpi, KpiDefinition } from '../domain/entities';
import { FREQUENCY_LABELS, type Frequency } from '../domain/kpi';
import { periodKeyOfDay, shiftPeriod } from '../domain/period';
import { aggregationConcern, measureNature } from '../scoring/default-aggregation';
import type { Places } from './places';
import { MISSING_PERIODS, type HealthFinding, type HealthRule, type Severity } from './types';

// Rules about one KPI's definition and data: each returns its finding or null.

function kpiFinding(
  places: Places,
  kpi: Kpi,
  rule: HealthRule,
  severity: Severity,
  text: { message: string; advice: string },
  fix: HealthFinding['fix'],
): HealthFinding {
  return {
    key: `${rule}:${kpi.id}`,
    rule,
    severity,
    ...text,
    subject: { kind: 'kpi', id: kpi.id, name: kpi.name },
    ...places.ofKpi(kpi),
    fix,
  };
}

const field = (kpi: Kpi, name: keyof KpiDefinition): HealthFinding['fix'] => ({
  kind: 'kpi_field',
  kpiId: kpi.id,
  field: name,
});

/** True when the KPI has something to be compared with in some period. */
export function hasTarget(kpi: Kpi): boolean {
  if (kpi.targetPlan !== null) return true;
  if (kpi.direction === 'within_range') return kpi.targetMin !== null && kpi.targetMax !== null;
  return kpi.target !== null;
}

export function noOwner(places: Places, kpi: Kpi): HealthFinding | null {
  if (kpi.owner.trim() !== '') return null;
  return kpiFinding(
    places,
    kpi,
    'no_owner',
    'warning',
    {
      message: `${kpi.name} has no owner`,
      advice: 'Name the person who answers for it and enters its values.',
    },
    field(kpi, 'owner'),
  );
}

export function noTarget(places: Places, kpi: Kpi): HealthFinding | null {
  if (hasTarget(kpi)) return null;
  return kpiFinding(
    places,
    kpi,
    'no_target',
    'warning',
    {
      message: `${kpi.name} has no target, so it never gets a status`,
      advice:
        kpi.direction === 'within_range'
          ? 'Set the lowest and highest value of its target range.'
          : 'Set a target (or a plan that changes it over time).',
    },
    field(kpi, 'target'),
  );
}

/** The KPI periods that ended before `today`, newest first. */
export function lastDuePeriods(kpi: Pick<Kpi, 'frequency'>, today: string, count: number) {
  const current = periodKeyOfDay(kpi.frequency, today);
  return Array.from({ length: count }, (_, index) =>
    shiftPeriod(kpi.frequency, current, -(index + 1)),
  );
}

/**
 * The last MISSING_PERIODS periods due by `today`, for each frequency: the same for every KPI
 * of a frequency, so worked out once each (5,000 KPIs took a third of a health check to
 * work them out one by one).
 */
export function duePeriodsAt(today: string): (frequency: Frequency) => readonly string[] {
  const known = new Map<Frequency, readonly string[]>();
  return (frequency) => {
    let due = known.get(frequency);
    if (!due) {
      due = lastDuePeriods({ frequency }, today, MISSING_PERIODS);
      known.set(frequency, due);
    }
    return due;
  };
}

/**
 * An entered KPI with no value in any of its last three periods that have ended (`due`: those
 * periods, newest first, from duePeriodsAt).
 */
export function noRecentData(
  places: Places,
  kpi: Kpi,
  periods: ReadonlySet<string> | undefined,
  due: readonly string[],
): HealthFinding | null {
  if (due.some((period) => periods?.has(period) === true)) return null;
  const latest = due[0] as string;
  return kpiFinding(
    places,
    kpi,
    'no_recent_data',
    'warning',
    {
      message: `${kpi.name} has no value for its last ${MISSING_PERIODS} ${FREQUENCY_LABELS[kpi.frequency].toLowerCase()} periods`,
      advice: 'Enter the missing values, or ask its owner for them.',
    },
    { kind: 'grid_cell', kpiId: kpi.id, period: latest },
  );
}

/** A percent or ratio (error) or a level (warning) added up over time: issue 13's concern. */
export function summedOverTime(places: Places, kpi: Kpi): HealthFinding | null {
  const concern = aggregationConcern(kpi);
  if (concern === null) return null;
  const ratio = measureNature(kpi) === 'ratio';
  return kpiFinding(
    places,
    kpi,
    ratio ? 'ratio_summed' : 'level_summed',
    ratio ? 'error' : 'warning',
    { message: `${kpi.name} is summed over time`, advice: concern },
    field(kpi, 'aggregation'),
  );
}

export function noDescription(places: Places, kpi: Kpi): HealthFinding | null {
  if (kpi.description.trim() !== '') return null;
  return kpiFinding(
    places,
    kpi,
    'no_description',
    'info',
    {
      message: `${kpi.name} has no description`,
      advice: 'Say what it measures and how, so everyone reads it the same way (specific).',
    },
    field(kpi, 'description'),
  );
}

/** A target that never says by when: not time-bound. A trajectory has its goal period. */
export function targetWithoutDeadline(places: Places, kpi: Kpi): HealthFinding | null {
  if (!hasTarget(kpi) || kpi.targetPlan?.kind === 'trajectory') return null;
  return kpiFinding(
    places,
    kpi,
    'target_no_deadline',
    'info',
    {
      message: `${kpi.name}'s target has no deadline`,
      advice: 'Plan the target as a path from a baseline to a goal by a date (time-bound).',
    },
    field(kpi, 'targetPlan'),
  );
}
