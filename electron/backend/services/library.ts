import { ApiError } from '@shared/api/errors';
import type { MethodInput } from '@shared/api/contract';
import type { Kpi } from '@shared/domain/entities';
import { renameIdentifier } from '@shared/formula/check';
import { planLibraryAdd } from '@shared/library/plan';
import { libraryDefinition } from '@shared/templates/resolve';
import type { Library } from '../library/catalogue';
import type { Tx } from '../store/change-log';
import { findKpiByCode, getKpi } from '../store/kpis';
import { getObjective } from '../store/records';
import { addKpi } from './kpi';

// Adding a library KPI to an objective, with the inputs its formula needs (added from the
// library or bound to KPIs of the workspace). One transaction: all of it, or nothing.

function noDecision(library: Library, code: string, undecided: string[]): ApiError {
  const name = library.byCode.get(code)?.name ?? code;
  const inputs = undecided
    .map((input) => `"${library.byCode.get(input)?.name ?? input}" (${input})`)
    .join(', ');
  return new ApiError({
    code: 'VALIDATION',
    field: 'inputs',
    message: `The formula of "${name}" needs ${inputs}, which this workspace does not have: add ${undecided.length > 1 ? 'each' : 'it'} from the library or use a KPI of the workspace instead. Nothing was added.`,
  });
}

export function addFromLibrary(
  tx: Tx,
  library: Library,
  currency: string,
  input: MethodInput<'library.add'>,
): { added: Kpi[] } {
  const { db } = tx;
  return db.transaction(() => {
    const objective = getObjective(db, input.objectiveId, 'objectiveId');
    const entry = library.byCode.get(input.code);
    if (!entry)
      throw new ApiError({
        code: 'NOT_FOUND',
        field: 'code',
        message: `The KPI library has no KPI "${input.code}".`,
      });
    const holder = findKpiByCode(db, entry.code);
    if (holder)
      throw new ApiError({
        code: 'CONFLICT',
        field: 'code',
        message: `"${entry.name}" cannot be added: the identifier "${entry.code}" is already used by the KPI "${holder.name}" in this workspace. Nothing was added.`,
      });
    const plan = planLibraryAdd(
      entry.code,
      library.byCode,
      (code) => findKpiByCode(db, code) !== null,
      input.inputs,
    );
    if (plan.undecided.length > 0) throw noDecision(library, entry.code, plan.undecided);
    const bound = [...plan.bind].map(([code, kpiId]) => ({
      from: code,
      to: getKpi(db, kpiId, `inputs.${code}.kpiId`).code,
    }));
    const added = plan.add.map((code) => {
      const source = library.byCode.get(code);
      if (!source) throw new Error(`library lost "${code}"`);
      const {
        values: _values,
        comments: _comments,
        ...definition
      } = libraryDefinition(source, currency);
      let formula = definition.formula;
      if (formula !== null)
        for (const { from, to } of bound) formula = renameIdentifier(formula, from, to);
      return addKpi(tx, { ...definition, formula, objectiveId: objective.id, parentKpiId: null });
    });
    return { added };
  })();
}
