import type { Kpi, Objective, Perspective, Scorecard } from '@shared/domain/entities';
import type { PeriodValue } from '@shared/scoring/aggregate';
import { listKpis } from './kpis';
import { listAllScorecards } from './records';
import type { Db } from '../workspace/migrations';

// Everything the scoring engine reads, in a handful of queries: formulas and roll-ups may
// reach any KPI of the workspace, so the whole workspace is read at once (one pass over
// kpi_values), which is also what keeps a 60,000-value evaluation fast.

export interface EvaluationInputs {
  kpis: Kpi[];
  values: Map<string, PeriodValue[]>;
  objectives: Objective[];
  perspectives: Perspective[];
  scorecards: Scorecard[];
}

export function readEvaluationInputs(db: Db): EvaluationInputs {
  const values = new Map<string, PeriodValue[]>();
  const rows = db
    .prepare<[], [string, string, number]>(
      'SELECT kpi_id, period, value FROM kpi_values ORDER BY kpi_id, period',
    )
    .raw()
    .all();
  for (const [kpiId, period, value] of rows) {
    const list = values.get(kpiId);
    if (list) list.push({ period, value });
    else values.set(kpiId, [{ period, value }]);
  }
  const objectives = db
    .prepare<
      [],
      {
        id: string;
        perspective_id: string;
        name: string;
        description: string;
        weight: number;
        position: number;
      }
    >(
      'SELECT id, perspective_id, name, description, weight, position FROM objectives ORDER BY position, rowid',
    )
    .all()
    .map((row) => ({
      id: row.id,
      perspectiveId: row.perspective_id,
      name: row.name,
      description: row.description,
      weight: row.weight,
      position: row.position,
    }));
  const perspectives = db
    .prepare<
      [],
      { id: string; scorecard_id: string; name: string; weight: number; position: number }
    >('SELECT id, scorecard_id, name, weight, position FROM perspectives ORDER BY position, rowid')
    .all()
    .map((row) => ({
      id: row.id,
      scorecardId: row.scorecard_id,
      name: row.name,
      weight: row.weight,
      position: row.position,
    }));
  return {
    kpis: listKpis(db),
    values,
    objectives,
    perspectives,
    scorecards: listAllScorecards(db),
  };
}
