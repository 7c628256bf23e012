import type { Kpi } from '../domain/entities';
import {
  duePeriodsAt,
  noDescription,
  noOwner,
  noRecentData,
  noTarget,
  summedOverTime,
  targetWithoutDeadline,
} from './kpi-rules';
import { enteredKpis, Places } from './places';
import {
  duplicateNames,
  mixedFormulaFrequencies,
  noLeadingIndicator,
  objectiveSize,
  unknownFormulaInputs,
} from './structure-rules';
import {
  SEVERITIES,
  type HealthCounts,
  type HealthDismissal,
  type HealthFinding,
  type HealthInputs,
  type HealthReport,
} from './types';

// The health check (issue 18 point 4): every rule over the workspace, worst first. Pure: the
// backend reads the inputs and the dismissals, the renderer and `kpis health` show the result.

const RANK: Record<HealthFinding['severity'], number> = { error: 0, warning: 1, info: 2 };

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const id = key(item);
    const group = groups.get(id);
    if (group) group.push(item);
    else groups.set(id, [item]);
  }
  return groups;
}

/** Every finding of the workspace, dismissed or not, worst first, then in scorecard order. */
export function healthFindings(inputs: HealthInputs): HealthFinding[] {
  const places = new Places(inputs);
  const { kpis } = inputs;
  const entered = new Set(enteredKpis(kpis).map((kpi) => kpi.id));
  const byCode = new Map(kpis.map((kpi) => [kpi.code, kpi]));
  const kpisOfObjective = groupBy(kpis, (kpi) => kpi.objectiveId);
  const findings: HealthFinding[] = [];
  const add = (finding: HealthFinding | null) => {
    if (finding) findings.push(finding);
  };

  const dueOf = duePeriodsAt(inputs.today);
  for (const kpi of kpis) {
    add(summedOverTime(places, kpi));
    add(mixedFormulaFrequencies(places, kpi, byCode));
    add(unknownFormulaInputs(places, kpi, byCode));
    add(noOwner(places, kpi));
    add(noTarget(places, kpi));
    if (entered.has(kpi.id))
      add(noRecentData(places, kpi, inputs.periodsWithValue.get(kpi.id), dueOf(kpi.frequency)));
    add(noDescription(places, kpi));
    add(targetWithoutDeadline(places, kpi));
  }
  findings.push(...duplicateNames(places, kpis));
  for (const objective of inputs.objectives)
    add(objectiveSize(places, objective, kpisOfObjective.get(objective.id) ?? []));
  const objectivesOf = groupBy(inputs.objectives, (objective) => objective.perspectiveId);
  for (const perspective of inputs.perspectives) {
    const inPerspective: Kpi[] = (objectivesOf.get(perspective.id) ?? []).flatMap(
      (objective) => kpisOfObjective.get(objective.id) ?? [],
    );
    add(noLeadingIndicator(places, perspective, inPerspective));
  }
  // A stable sort: within a severity, the order the rules ran in (KPIs in scorecard order).
  return findings.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

export function countBySeverity(findings: readonly HealthFinding[]): HealthCounts {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as HealthCounts;
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** The findings split into open and dismissed (a dismissal whose finding is gone is left out). */
export function healthReport(
  findings: readonly HealthFinding[],
  dismissals: readonly HealthDismissal[],
): HealthReport {
  const byKey = new Map(dismissals.map((dismissal) => [dismissal.findingKey, dismissal]));
  const open: HealthFinding[] = [];
  const dismissed: HealthReport['dismissed'] = [];
  for (const finding of findings) {
    const dismissal = byKey.get(finding.key);
    if (dismissal) dismissed.push({ ...finding, dismissal });
    else open.push(finding);
  }
  return { findings: open, dismissed, counts: countBySeverity(open) };
}
