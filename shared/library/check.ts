import type { Unit } from '../domain/entities';
import { checkFormula, type FormulaKpi } from '../formula/check';
import { FormulaError } from '../formula/lexer';
import { formulaIdentifiers, parseFormula } from '../formula/parser';
import { defaultAggregation } from '../scoring/default-aggregation';
import type { LibraryKpi } from './schema';

// Rules that span the whole library (or a template's KPIs): codes are unique, every formula
// parses and names only KPIs that are there, units agree, and each aggregation is the one the
// app proposes for such a KPI (shared/scoring/default-aggregation.ts) or says why not.

/** The unit a library KPI gets in a workspace whose new currency KPIs start in `currency`. */
export function libraryUnit(kpi: Pick<LibraryKpi, 'unit'>, currency: string): Unit {
  return {
    format: kpi.unit.format,
    currency: kpi.unit.format === 'currency' ? currency : null,
    suffix: kpi.unit.suffix,
  };
}

/** The codes a formula names, in order of first use; [] for a KPI without a formula. */
export function formulaCodes(formula: string | undefined | null): string[] {
  if (!formula) return [];
  return [...new Set(formulaIdentifiers(parseFormula(formula)).map(({ name }) => name))];
}

/** Every problem of the library as a whole, each naming the KPI it concerns; [] when sound. */
export function libraryProblems(kpis: readonly LibraryKpi[]): string[] {
  const problems: string[] = [];
  const byCode = new Map<string, LibraryKpi>();
  for (const kpi of kpis) {
    const other = byCode.get(kpi.code);
    if (other)
      problems.push(
        `"${kpi.code}" is the code of both "${other.name}" (${other.department}) and "${kpi.name}" (${kpi.department})`,
      );
    else byCode.set(kpi.code, kpi);
  }
  const formulaKpis: FormulaKpi[] = [...byCode.values()].map((kpi) => ({
    code: kpi.code,
    unit: libraryUnit(kpi, 'EUR'),
    formula: kpi.formula ?? null,
  }));
  for (const kpi of kpis) {
    const agreed = defaultAggregation({ name: kpi.name, unit: libraryUnit(kpi, 'EUR') });
    if (kpi.aggregation !== agreed && kpi.aggregationNote === undefined)
      problems.push(
        `"${kpi.name}" (${kpi.code}) is aggregated by ${kpi.aggregation}, where the app would propose ${agreed}; say why in aggregationNote`,
      );
    if (kpi.aggregation === agreed && kpi.aggregationNote !== undefined)
      problems.push(
        `"${kpi.name}" (${kpi.code}) explains an aggregation (${kpi.aggregation}) that is the one the app proposes anyway; drop aggregationNote`,
      );
    if (kpi.formula === undefined) continue;
    try {
      checkFormula(kpi.code, kpi.formula, libraryUnit(kpi, 'EUR'), formulaKpis);
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
      problems.push(`The formula of "${kpi.name}" (${kpi.code}): ${error.message}`);
    }
  }
  return problems;
}
