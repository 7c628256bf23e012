import type { Kpi } from '@shared/domain/entities';
import type { Db } from '../workspace/connection';

// Who belongs to whom, and what formulas read: what the `changed` event needs to name the
// scorecards a write moves. It is read after every write, each typed value included, so it
// reads a few columns of the KPIs a change can travel through, not every KPI: the whole
// KPI list in tree order took 17 ms a write on 2,500 KPIs and grew with them (issue 19).

export type KpiLink = Pick<Kpi, 'id' | 'objectiveId' | 'parentKpiId' | 'code' | 'formula'>;

export interface StructureLinks {
  /**
   * The KPIs named (`kpiIds`), every KPI with a formula and every KPI with children: all that
   * a change of the named KPIs can reach through formulas and roll-ups (dependentClosure).
   */
  kpis: KpiLink[];
  perspectiveOfObjective: Map<string, string>;
  scorecardOfPerspective: Map<string, string>;
  parentOfScorecard: Map<string, string | null>;
}

export function readStructureLinks(db: Db, kpiIds: readonly string[]): StructureLinks {
  const pairs = <T extends string | null>(sql: string) =>
    new Map(db.prepare<[], [string, T]>(sql).raw().all());
  return {
    kpis: db
      .prepare<[string], [string, string, string | null, string, string | null]>(
        `SELECT id, objective_id, parent_kpi_id, code, formula FROM kpis
         WHERE formula IS NOT NULL
            OR id IN (SELECT parent_kpi_id FROM kpis WHERE parent_kpi_id IS NOT NULL)
            OR id IN (SELECT value FROM json_each(?))`,
      )
      .raw()
      .all(JSON.stringify(kpiIds))
      .map(([id, objectiveId, parentKpiId, code, formula]) => ({
        id,
        objectiveId,
        parentKpiId,
        code,
        formula,
      })),
    perspectiveOfObjective: pairs<string>('SELECT id, perspective_id FROM objectives'),
    scorecardOfPerspective: pairs<string>('SELECT id, scorecard_id FROM perspectives'),
    parentOfScorecard: pairs<string | null>('SELECT id, parent_id FROM scorecards'),
  };
}
