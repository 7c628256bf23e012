import { ApiError } from '@shared/api/errors';
import type { Kpi, KpiDefinition, Unit } from '@shared/domain/entities';
import { checkFormula, renameIdentifier } from '@shared/formula/check';
import { FormulaError } from '@shared/formula/lexer';
import { formulaInputs } from '@shared/formula/dependencies';
import type { Tx } from '../store/change-log';
import { listKpis, updateKpi } from '../store/kpis';
import type { Db } from '../workspace/connection';

// Calculated KPIs and roll-ups across the workspace: a formula is checked against every other
// KPI when it is saved; a renamed identifier is rewritten in the formulas that use it; a KPI
// used by formulas cannot be deleted from under them.

/** Refuses a formula that does not parse, names unknown KPIs, makes a cycle or mixes units. */
export function checkKpiFormula(db: Db, kpiId: string | null, definition: KpiDefinition): void {
  if (definition.formula === null) return;
  const others = listKpis(db)
    .filter((kpi) => kpi.id !== kpiId)
    .map((kpi) => ({ code: kpi.code, unit: kpi.unit, formula: kpi.formula }));
  try {
    checkFormula(definition.code, definition.formula, definition.unit, others);
  } catch (error) {
    if (!(error instanceof FormulaError)) throw error;
    throw new ApiError({
      code: 'VALIDATION',
      field: 'formula',
      message: `Formula: ${error.message}`,
      issues: [{ field: 'formula', message: error.message }],
    });
  }
}

/** The KPIs whose formulas read `code`. */
export function kpisUsing(db: Db, code: string): Kpi[] {
  return listKpis(db).filter((kpi) => formulaInputs(kpi).includes(code));
}

/** Rewrites `from` to `to` in every formula that uses it, logging each change. */
export function renameInFormulas(tx: Tx, from: string, to: string): void {
  for (const before of kpisUsing(tx.db, from)) {
    const after: Kpi = { ...before, formula: renameIdentifier(before.formula as string, from, to) };
    updateKpi(tx, before, after);
  }
}

export function refuseDeleteIfUsed(db: Db, kpi: Kpi): void {
  const users = kpisUsing(db, kpi.code);
  if (users.length > 0)
    throw new ApiError({
      code: 'CONFLICT',
      message: `"${kpi.name}" is used in the formula of ${users.map((user) => `"${user.name}"`).join(', ')}; change those formulas first.`,
    });
}

function unitText(unit: Unit): string {
  if (unit.format === 'currency') return unit.currency ?? 'money';
  if (unit.format === 'percent') return 'percent';
  return unit.suffix ? `${unit.format} (${unit.suffix})` : unit.format;
}

const sameUnit = (a: Unit, b: Unit) =>
  a.format === b.format &&
  a.currency === b.currency &&
  (a.format === 'percent' || a.suffix === b.suffix);

/**
 * A parent that rolls up its children adds or averages their values, so they must share its
 * unit. Frequencies may differ: each child is converted to the view period with its own
 * aggregation before the roll-up (a weekly child summed into a monthly parent).
 */
export function checkRollupUnits(
  parent: Kpi | KpiDefinition,
  children: readonly Kpi[],
  field: string,
): void {
  if (parent.rollup === 'manual') return;
  const odd = children.find((child) => !sameUnit(child.unit, parent.unit));
  if (odd)
    throw new ApiError({
      code: 'CONFLICT',
      field,
      message: `"${odd.name}" is measured in ${unitText(odd.unit)} but "${parent.name}" rolls up its children in ${unitText(parent.unit)}; a roll-up needs children in the same unit.`,
    });
}
