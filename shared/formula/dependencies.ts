import type { Kpi } from '../domain/entities';
import { formulaIdentifiers, parseFormula } from './parser';

// What a KPI's value depends on: the KPIs its formula names and its child KPIs (a roll-up),
// followed transitively. The KPI detail and the values export evaluate just this set.

/** The identifiers a KPI's formula reads; none for an entered KPI or a formula that is broken. */
export function formulaInputs(kpi: Pick<Kpi, 'formula'>): string[] {
  if (!kpi.formula) return [];
  try {
    return formulaIdentifiers(parseFormula(kpi.formula)).map((identifier) => identifier.name);
  } catch {
    return []; // a broken formula gives no data, as in the scorecard
  }
}

/** The KPIs whose values feed `roots` (children, formula inputs), transitively, and the roots. */
export function dependencyClosure(all: readonly Kpi[], roots: readonly Kpi[]): Kpi[] {
  const byCode = new Map(all.map((kpi) => [kpi.code, kpi]));
  const children = new Map<string, Kpi[]>();
  for (const kpi of all)
    if (kpi.parentKpiId !== null)
      children.set(kpi.parentKpiId, [...(children.get(kpi.parentKpiId) ?? []), kpi]);
  const seen = new Map<string, Kpi>();
  const stack = [...roots];
  while (stack.length > 0) {
    const kpi = stack.pop() as Kpi;
    if (seen.has(kpi.id)) continue;
    seen.set(kpi.id, kpi);
    for (const code of formulaInputs(kpi)) {
      const input = byCode.get(code);
      if (input) stack.push(input);
    }
    stack.push(...(children.get(kpi.id) ?? []));
  }
  return [...seen.values()];
}

/**
 * The KPIs whose values `roots` feed (formulas that name them, roll-up parents), transitively,
 * and the roots: what a change of the roots' values can move.
 */
export function dependentClosure<K extends Pick<Kpi, 'id' | 'code' | 'parentKpiId' | 'formula'>>(
  all: readonly K[],
  roots: readonly K[],
): K[] {
  const byId = new Map(all.map((kpi) => [kpi.id, kpi]));
  const users = new Map<string, K[]>();
  for (const kpi of all)
    for (const code of formulaInputs(kpi)) users.set(code, [...(users.get(code) ?? []), kpi]);
  const seen = new Map<string, K>();
  const stack = [...roots];
  while (stack.length > 0) {
    const kpi = stack.pop() as K;
    if (seen.has(kpi.id)) continue;
    seen.set(kpi.id, kpi);
    stack.push(...(users.get(kpi.code) ?? []));
    const parent = kpi.parentKpiId === null ? undefined : byId.get(kpi.parentKpiId);
    if (parent) stack.push(parent);
  }
  return [...seen.values()];
}
