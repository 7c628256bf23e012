import type { Scorecard } from '@shared/domain/entities';
import { ApiError } from '@shared/api/errors';
import { inputsFirst, type ResolvedScorecard } from '@shared/templates/resolve';
import type { TemplateKpiDefinition } from '@shared/templates/schema';
import { addKpi } from '../services/kpi';
import { addObjective } from '../services/objective';
import { addScorecard } from '../services/scorecard';
import { createLink } from '../services/strategy-map';
import type { Tx } from '../store/change-log';
import { periodProblem, ValueWriter } from '../store/value-writer';

// Writing a resolved template into a workspace: the scorecard with its perspectives and
// objectives, then its KPIs (inputs before the formulas that use them) with any values the
// template carries, then the strategy-map links between its objectives. The caller holds the transaction.

export interface SeedResult {
  scorecard: Scorecard;
  /** Objective key → the new objective's id (strategy-map links name objectives by key). */
  objectiveIds: Map<string, string>;
}

/** Adds KPIs to their objectives, inputs first, with the values and comments they carry. */
export function seedKpis(
  tx: Tx,
  kpis: readonly { objectiveId: string; kpi: TemplateKpiDefinition }[],
  enteredBy: string,
  now: string,
): void {
  const objectiveOf = new Map(kpis.map(({ objectiveId, kpi }) => [kpi.code, objectiveId]));
  const values = new ValueWriter(tx.db, tx.changes, enteredBy, now);
  for (const kpi of inputsFirst(kpis.map(({ kpi }) => kpi))) {
    const { values: series, comments, ...definition } = kpi;
    const created = addKpi(tx, {
      ...definition,
      objectiveId: objectiveOf.get(kpi.code) ?? '',
      parentKpiId: null,
    });
    for (const [period, value] of Object.entries(series)) {
      const problem = periodProblem(created.frequency, period);
      if (problem)
        throw new ApiError({
          code: 'VALIDATION',
          message: `KPI "${created.name}" (${created.code}) in the template: ${problem}`,
        });
      values.set({ kpiId: created.id, period, value, comment: comments[period] ?? '' });
    }
  }
}

export function seedScorecard(
  tx: Tx,
  resolved: ResolvedScorecard,
  parentId: string | null,
  enteredBy: string,
  now: string,
): SeedResult {
  const created = addScorecard(
    tx,
    { name: resolved.name, description: resolved.description, parentId },
    resolved.perspectives.map(({ name, weight }) => ({ name, weight })),
  );
  const objectiveIds = new Map<string, string>();
  const kpis: { objectiveId: string; kpi: TemplateKpiDefinition }[] = [];
  resolved.perspectives.forEach((perspective, index) => {
    const perspectiveId = created.perspectiveIds[index] ?? '';
    for (const objective of perspective.objectives) {
      const { id } = addObjective(tx, {
        perspectiveId,
        name: objective.name,
        description: objective.description,
        weight: objective.weight,
      });
      objectiveIds.set(objective.key, id);
      for (const kpi of objective.kpis) kpis.push({ objectiveId: id, kpi });
    }
  });
  seedKpis(tx, kpis, enteredBy, now);
  // The strategy map: cause → effect between the template's objectives, by key.
  for (const link of resolved.links) {
    const fromObjectiveId = objectiveIds.get(link.from);
    const toObjectiveId = objectiveIds.get(link.to);
    if (fromObjectiveId !== undefined && toObjectiveId !== undefined)
      createLink(tx, now, { fromObjectiveId, toObjectiveId, label: link.label });
  }
  const { perspectiveIds: _ids, ...scorecard } = created;
  return { scorecard, objectiveIds };
}
