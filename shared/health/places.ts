import type { Kpi, Objective, Perspective, Scorecard } from '../domain/entities';
import type { HealthFinding, HealthInputs } from './types';

// Where each KPI, objective and perspective sits, so every finding names its scorecard,
// perspective and objective without each rule looking them up again.

type Named = { id: string; name: string } | null;
const named = (record: { id: string; name: string } | undefined): Named =>
  record ? { id: record.id, name: record.name } : null;

export class Places {
  private readonly scorecards: Map<string, Scorecard>;
  private readonly perspectives: Map<string, Perspective>;
  private readonly objectives: Map<string, Objective>;

  constructor(inputs: HealthInputs) {
    this.scorecards = new Map(inputs.scorecards.map((s) => [s.id, s]));
    this.perspectives = new Map(inputs.perspectives.map((p) => [p.id, p]));
    this.objectives = new Map(inputs.objectives.map((o) => [o.id, o]));
  }

  ofPerspective(
    perspective: Perspective,
  ): Pick<HealthFinding, 'scorecard' | 'perspective' | 'objective'> {
    return {
      scorecard: named(this.scorecards.get(perspective.scorecardId)),
      perspective: named(perspective),
      objective: null,
    };
  }

  ofObjective(
    objective: Objective,
  ): Pick<HealthFinding, 'scorecard' | 'perspective' | 'objective'> {
    const perspective = this.perspectives.get(objective.perspectiveId);
    return {
      scorecard: named(perspective ? this.scorecards.get(perspective.scorecardId) : undefined),
      perspective: named(perspective),
      objective: named(objective),
    };
  }

  ofKpi(kpi: Kpi): Pick<HealthFinding, 'scorecard' | 'perspective' | 'objective'> {
    const objective = this.objectives.get(kpi.objectiveId);
    return objective
      ? this.ofObjective(objective)
      : { scorecard: null, perspective: null, objective: null };
  }

  /** "Sales › Customer › Win new customers": where a KPI is, for telling two apart. */
  pathOfKpi(kpi: Kpi): string {
    const place = this.ofKpi(kpi);
    return [place.scorecard?.name, place.perspective?.name, place.objective?.name]
      .filter((part): part is string => part !== undefined)
      .join(' › ');
  }
}

/** KPIs whose values are entered: not calculated, not rolled up from child KPIs. */
export function enteredKpis(kpis: readonly Kpi[]): Kpi[] {
  const parents = new Set(kpis.map((kpi) => kpi.parentKpiId));
  return kpis.filter(
    (kpi) => kpi.formula === null && !(kpi.rollup !== 'manual' && parents.has(kpi.id)),
  );
}
