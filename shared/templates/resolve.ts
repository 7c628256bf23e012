import { renameIdentifier } from '../formula/check';
import { FormulaError } from '../formula/lexer';
import { formulaCodes, libraryUnit } from '../library/check';
import type { LibraryKpi } from '../library/schema';
import {
  templateKpiDefinitionSchema,
  type ScorecardTemplate,
  type TemplateKpiDefinition,
} from './schema';

// A template made concrete: library references replaced by the library's definitions (in the
// currency new KPIs start in), then checked as a whole — every code once, every formula input
// present in the template — so what is added to a workspace is complete.

export interface ResolvedObjective {
  key: string;
  name: string;
  description: string;
  weight: number;
  kpis: TemplateKpiDefinition[];
}

export interface ResolvedPerspective {
  name: string;
  weight: number;
  objectives: ResolvedObjective[];
}

export interface ResolvedScorecard {
  name: string;
  description: string;
  perspectives: ResolvedPerspective[];
  links: { from: string; to: string; label: string }[];
}

/** A library KPI as a definition ready to add: no target, no owner (the client's to set). */
export function libraryDefinition(entry: LibraryKpi, currency: string): TemplateKpiDefinition {
  return templateKpiDefinitionSchema.parse({
    code: entry.code,
    name: entry.name,
    description: entry.description,
    unit: libraryUnit(entry, currency),
    decimals: entry.decimals,
    direction: entry.direction,
    frequency: entry.frequency,
    aggregation: entry.aggregation,
    kpiType: entry.kpiType,
    timing: entry.timing,
    measureKind: entry.measureKind,
    formula: entry.formula ?? null,
  });
}

/** Thrown with every problem found; each names the item it concerns. */
export class TemplateProblems extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('; '));
    this.problems = problems;
  }
}

export function resolveScorecardTemplate(
  template: ScorecardTemplate,
  library: ReadonlyMap<string, LibraryKpi>,
  currency: string,
): ResolvedScorecard {
  const problems: string[] = [];
  const perspectives = template.scorecard.perspectives.map((perspective) => ({
    name: perspective.name,
    weight: perspective.weight,
    objectives: perspective.objectives.map((objective) => ({
      key: objective.key,
      name: objective.name,
      description: objective.description,
      weight: objective.weight,
      kpis: objective.kpis.flatMap((kpi): TemplateKpiDefinition[] => {
        if (!('library' in kpi)) return [kpi];
        const entry = library.get(kpi.library);
        if (!entry) {
          problems.push(
            `Objective "${objective.name}" names the library KPI "${kpi.library}", which the KPI library does not have`,
          );
          return [];
        }
        const definition = libraryDefinition(entry, currency);
        return [kpi.weight === undefined ? definition : { ...definition, weight: kpi.weight }];
      }),
    })),
  }));
  const resolved: ResolvedScorecard = {
    name: template.scorecard.name,
    description: template.scorecard.description,
    perspectives,
    links: template.links,
  };
  problems.push(...kpiSetProblems(templateKpis(resolved)));
  if (problems.length > 0) throw new TemplateProblems(problems);
  return resolved;
}

export function templateKpis(resolved: ResolvedScorecard): TemplateKpiDefinition[] {
  return resolved.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis));
}

/** Codes used once, formulas that parse and whose inputs are in the set. */
export function kpiSetProblems(kpis: readonly TemplateKpiDefinition[]): string[] {
  const problems: string[] = [];
  const codes = new Map<string, string>();
  for (const kpi of kpis) {
    const other = codes.get(kpi.code);
    if (other !== undefined)
      problems.push(`"${kpi.name}" and "${other}" both have the identifier "${kpi.code}"`);
    codes.set(kpi.code, kpi.name);
  }
  for (const kpi of kpis) {
    let inputs: string[];
    try {
      inputs = formulaCodes(kpi.formula);
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
      problems.push(`The formula of "${kpi.name}" (${kpi.code}): ${error.message}`);
      continue;
    }
    for (const input of inputs)
      if (!codes.has(input))
        problems.push(
          `The formula of "${kpi.name}" (${kpi.code}) needs the KPI "${input}", which the template does not include`,
        );
  }
  return problems;
}

/**
 * New identifiers for the template's KPIs whose codes the workspace already uses (`revenue` →
 * `revenue_2`), with every formula of the template following the rename.
 */
export function renameTakenCodes(
  kpis: readonly TemplateKpiDefinition[],
  taken: ReadonlySet<string>,
): { kpis: TemplateKpiDefinition[]; renamed: { from: string; to: string }[] } {
  const used = new Set([...taken, ...kpis.map((kpi) => kpi.code)]);
  const renamed: { from: string; to: string }[] = [];
  for (const kpi of kpis) {
    if (!taken.has(kpi.code)) continue;
    let n = 2;
    const stem = (suffix: string) => `${kpi.code.slice(0, 63 - suffix.length)}${suffix}`;
    while (used.has(stem(`_${n}`))) n += 1;
    const to = stem(`_${n}`);
    used.add(to);
    renamed.push({ from: kpi.code, to });
  }
  const map = new Map(renamed.map(({ from, to }) => [from, to]));
  return {
    renamed,
    kpis: kpis.map((kpi) => {
      let formula = kpi.formula;
      if (formula !== null)
        for (const { from, to } of renamed) formula = renameIdentifier(formula, from, to);
      return { ...kpi, code: map.get(kpi.code) ?? kpi.code, formula };
    }),
  };
}

/**
 * The KPIs in an order where each comes after the inputs of its formula that are in the set,
 * otherwise as given (a KPI's formula is checked against the KPIs already there when added).
 */
export function inputsFirst<T extends { code: string; formula: string | null }>(
  kpis: readonly T[],
): T[] {
  const byCode = new Map(kpis.map((kpi) => [kpi.code, kpi]));
  const placed = new Set<string>();
  const ordered: T[] = [];
  const place = (kpi: T, path: Set<string>): void => {
    if (placed.has(kpi.code) || path.has(kpi.code)) return;
    path.add(kpi.code);
    for (const input of formulaCodes(kpi.formula)) {
      const needed = byCode.get(input);
      if (needed) place(needed, path);
    }
    path.delete(kpi.code);
    placed.add(kpi.code);
    ordered.push(kpi);
  };
  for (const kpi of kpis) place(kpi, new Set());
  return ordered;
}
