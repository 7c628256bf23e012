import type { Kpi, Objective, Perspective } from '../domain/entities';
import { FREQUENCY_LABELS } from '../domain/kpi';
import { formulaInputs } from '../formula/dependencies';
import type { Places } from './places';
import { MAX_KPIS_PER_OBJECTIVE, type HealthFinding } from './types';

// Rules about how KPIs sit together: objectives, perspectives, names, formulas.

export function objectiveSize(
  places: Places,
  objective: Objective,
  kpis: readonly Kpi[],
): HealthFinding | null {
  const count = kpis.length;
  if (count > 0 && count <= MAX_KPIS_PER_OBJECTIVE) return null;
  const none = count === 0;
  return {
    key: `${none ? 'objective_no_kpis' : 'objective_too_many_kpis'}:${objective.id}`,
    rule: none ? 'objective_no_kpis' : 'objective_too_many_kpis',
    severity: 'warning',
    message: none
      ? `${objective.name} has no KPI, so nothing shows whether it is met`
      : `${objective.name} has ${String(count)} KPIs`,
    advice: none
      ? 'Add a KPI that measures it.'
      : `Keep the ${String(MAX_KPIS_PER_OBJECTIVE)} that matter most; move or remove the others.`,
    subject: { kind: 'objective', id: objective.id, name: objective.name },
    ...places.ofObjective(objective),
    fix: none
      ? { kind: 'new_kpi', objectiveId: objective.id }
      : { kind: 'objective', objectiveId: objective.id },
  };
}

/** A perspective whose KPIs only look back: nothing warns early. */
export function noLeadingIndicator(
  places: Places,
  perspective: Perspective,
  kpis: readonly Kpi[],
): HealthFinding | null {
  if (kpis.length === 0 || kpis.some((kpi) => kpi.timing === 'leading')) return null;
  const first = kpis[0] as Kpi;
  return {
    key: `perspective_no_leading:${perspective.id}`,
    rule: 'perspective_no_leading',
    severity: 'info',
    message: `${perspective.name} has no leading indicator`,
    advice: 'Add or mark a KPI that moves before the results do (leading), so trouble shows early.',
    subject: { kind: 'perspective', id: perspective.id, name: perspective.name },
    ...places.ofPerspective(perspective),
    fix: { kind: 'kpi_field', kpiId: first.id, field: 'timing' },
  };
}

const nameKey = (name: string): string => name.trim().replace(/\s+/gu, ' ').toLocaleLowerCase();

/**
 * KPIs sharing a name (ignoring case and spacing) in the workspace: an import or a reader
 * cannot tell them apart. Every KPI after the first of its name gets a finding.
 */
export function duplicateNames(places: Places, kpis: readonly Kpi[]): HealthFinding[] {
  const first = new Map<string, Kpi>();
  const findings: HealthFinding[] = [];
  for (const kpi of kpis) {
    const key = nameKey(kpi.name);
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, kpi);
      continue;
    }
    findings.push({
      key: `duplicate_name:${kpi.id}`,
      rule: 'duplicate_name',
      severity: 'warning',
      message: `${kpi.name} has the same name as a KPI in ${places.pathOfKpi(earlier)}`,
      advice: 'Rename one of them, so imports and readers can tell them apart.',
      subject: { kind: 'kpi', id: kpi.id, name: kpi.name },
      ...places.ofKpi(kpi),
      fix: { kind: 'kpi_field', kpiId: kpi.id, field: 'name' },
    });
  }
  return findings;
}

/** A calculated KPI whose inputs are measured at different frequencies. */
export function mixedFormulaFrequencies(
  places: Places,
  kpi: Kpi,
  byCode: ReadonlyMap<string, Kpi>,
): HealthFinding | null {
  const inputs = formulaInputs(kpi)
    .map((code) => byCode.get(code))
    .filter((input): input is Kpi => input !== undefined);
  const frequencies = [...new Set(inputs.map((input) => input.frequency))];
  if (frequencies.length < 2) return null;
  const listed = frequencies.map((frequency) => {
    const names = inputs.filter((input) => input.frequency === frequency).map((i) => i.name);
    return `${names.join(', ')} ${FREQUENCY_LABELS[frequency].toLowerCase()}`;
  });
  return {
    key: `formula_mixed_frequencies:${kpi.id}`,
    rule: 'formula_mixed_frequencies',
    severity: 'error',
    message: `${kpi.name}'s formula mixes frequencies (${listed.join('; ')})`,
    advice: 'Use inputs measured equally often, so each period combines values of the same period.',
    subject: { kind: 'kpi', id: kpi.id, name: kpi.name },
    ...places.ofKpi(kpi),
    fix: { kind: 'kpi_field', kpiId: kpi.id, field: 'formula' },
  };
}

/**
 * A calculated KPI whose formula names a code no KPI has: refused when saved, but a team
 * sync can bring it (the input deleted on one laptop while the formula was written on another).
 */
export function unknownFormulaInputs(
  places: Places,
  kpi: Kpi,
  byCode: ReadonlyMap<string, Kpi>,
): HealthFinding | null {
  const unknown = formulaInputs(kpi).filter((code) => !byCode.has(code));
  if (unknown.length === 0) return null;
  return {
    key: `formula_unknown_input:${kpi.id}`,
    rule: 'formula_unknown_input',
    severity: 'error',
    message: `${kpi.name}'s formula names ${unknown.join(', ')}, which no KPI has (deleted?)`,
    advice: 'Change the formula to use KPIs that exist; until then it shows no data.',
    subject: { kind: 'kpi', id: kpi.id, name: kpi.name },
    ...places.ofKpi(kpi),
    fix: { kind: 'kpi_field', kpiId: kpi.id, field: 'formula' },
  };
}
