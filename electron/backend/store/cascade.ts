import type { Kpi } from '@shared/domain/entities';
import { readOverrides, readReviews } from '../reminders/settings-store';
import type { Db } from '../workspace/connection';
import { listActionPlans } from './action-plans';
import type { Tx } from './change-log';
import { valueEntityId } from './change-log';
import { listKpis } from './kpis';
import { listLinks, listPositions, positionEntityId } from './objective-links';
import { listAllObjectives, listAllPerspectives, listAllScorecards } from './records';
import { toValue, type ValueRow } from './values';

// What a delete takes with it. SQLite removes the rows below a deleted record (ON DELETE
// CASCADE) and detaches child KPIs (SET NULL); each of those is logged here, before the
// delete, so the change log alone can replay the workspace: a value deleted with its KPI is a
// 'delete' entry of that value, as if it had been deleted by hand.

/** The records a delete reaches, its root included. */
export interface CascadeScope {
  rootId: string;
  scorecardIds: ReadonlySet<string>;
  perspectiveIds: ReadonlySet<string>;
  objectiveIds: ReadonlySet<string>;
  kpiIds: ReadonlySet<string>;
}

function below(
  scope: Omit<CascadeScope, 'perspectiveIds' | 'objectiveIds' | 'kpiIds'> & Partial<CascadeScope>,
  db: Db,
): CascadeScope {
  const perspectiveIds = new Set(scope.perspectiveIds);
  for (const p of listAllPerspectives(db))
    if (scope.scorecardIds.has(p.scorecardId)) perspectiveIds.add(p.id);
  const objectiveIds = new Set(scope.objectiveIds);
  for (const o of listAllObjectives(db))
    if (perspectiveIds.has(o.perspectiveId)) objectiveIds.add(o.id);
  const kpiIds = new Set(scope.kpiIds);
  for (const k of listKpis(db)) if (objectiveIds.has(k.objectiveId)) kpiIds.add(k.id);
  return { ...scope, perspectiveIds, objectiveIds, kpiIds };
}

export function scopeOfScorecard(db: Db, id: string): CascadeScope {
  const all = listAllScorecards(db);
  const scorecardIds = new Set([id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const card of all)
      if (card.parentId !== null && scorecardIds.has(card.parentId) && !scorecardIds.has(card.id)) {
        scorecardIds.add(card.id);
        grew = true;
      }
  }
  return below({ rootId: id, scorecardIds }, db);
}

export function scopeOfPerspective(db: Db, id: string): CascadeScope {
  return below({ rootId: id, scorecardIds: new Set(), perspectiveIds: new Set([id]) }, db);
}

export function scopeOfObjective(db: Db, id: string): CascadeScope {
  return below(
    {
      rootId: id,
      scorecardIds: new Set(),
      perspectiveIds: new Set(),
      objectiveIds: new Set([id]),
    },
    db,
  );
}

export function scopeOfKpi(id: string): CascadeScope {
  return {
    rootId: id,
    scorecardIds: new Set(),
    perspectiveIds: new Set(),
    objectiveIds: new Set(),
    kpiIds: new Set([id]),
  };
}

/** Logs the deletion of everything in `scope` but its root (the caller logs that). */
export function logCascade({ db, changes }: Tx, scope: CascadeScope): void {
  const kpiIds = JSON.stringify([...scope.kpiIds]);
  const values = changes.bulk();
  for (const row of db
    .prepare<[string], ValueRow>(
      'SELECT * FROM kpi_values WHERE kpi_id IN (SELECT value FROM json_each(?)) ORDER BY kpi_id, period',
    )
    .iterate(kpiIds))
    values.add(
      'value',
      valueEntityId(row.kpi_id, row.period),
      'delete',
      JSON.stringify(toValue(row)),
      null,
    );
  values.flush();
  for (const plan of listActionPlans(db))
    if (
      (plan.kpiId !== null && scope.kpiIds.has(plan.kpiId)) ||
      (plan.objectiveId !== null && scope.objectiveIds.has(plan.objectiveId))
    )
      changes.record('action_plan', plan.id, 'delete', plan, null);
  // Links and map positions go with either end's objective (ON DELETE CASCADE).
  for (const link of listLinks(db))
    if (scope.objectiveIds.has(link.fromObjectiveId) || scope.objectiveIds.has(link.toObjectiveId))
      changes.record('objective_link', link.id, 'delete', link, null);
  for (const position of listPositions(db))
    if (
      scope.objectiveIds.has(position.objectiveId) ||
      scope.scorecardIds.has(position.scorecardId)
    )
      changes.record('map_position', positionEntityId(position), 'delete', position, null);
  for (const override of readOverrides(db))
    if (scope.kpiIds.has(override.kpiId))
      changes.record('kpi_reminder', override.kpiId, 'delete', override, null);
  for (const review of readReviews(db))
    if (scope.scorecardIds.has(review.scorecardId))
      changes.record('review_schedule', review.scorecardId, 'delete', review, null);
  const kpis = listKpis(db);
  for (const kpi of kpis) {
    if (scope.kpiIds.has(kpi.id)) {
      if (kpi.id !== scope.rootId) changes.record('kpi', kpi.id, 'delete', kpi, null);
    } else if (kpi.parentKpiId !== null && scope.kpiIds.has(kpi.parentKpiId)) {
      // Its parent goes; it stays, detached (ON DELETE SET NULL).
      const after: Kpi = { ...kpi, parentKpiId: null };
      changes.record('kpi', kpi.id, 'update', kpi, after);
    }
  }
  for (const objective of listAllObjectives(db))
    if (scope.objectiveIds.has(objective.id) && objective.id !== scope.rootId)
      changes.record('objective', objective.id, 'delete', objective, null);
  for (const perspective of listAllPerspectives(db))
    if (scope.perspectiveIds.has(perspective.id) && perspective.id !== scope.rootId)
      changes.record('perspective', perspective.id, 'delete', perspective, null);
  for (const card of listAllScorecards(db).reverse())
    if (scope.scorecardIds.has(card.id) && card.id !== scope.rootId)
      changes.record('scorecard', card.id, 'delete', card, null);
}
