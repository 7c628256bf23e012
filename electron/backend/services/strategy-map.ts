import type { MethodInput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import type { MapPosition, ObjectiveLink } from '@shared/domain/entities';
import { SPARKLINE_POINTS } from '@shared/domain/evaluation';
import { linkProblem, type LinkEnd } from '@shared/strategy-map/link-rules';
import {
  buildStrategyMap,
  type ExternalObjective,
  type StrategyMap,
} from '@shared/strategy-map/model';
import type { Tx } from '../store/change-log';
import { newId } from '../store/ids';
import {
  deleteLink,
  deletePositions,
  findLink,
  insertLinks,
  listLinks,
  listPositions,
  updateLinkLabel,
  writePositions,
} from '../store/objective-links';
import {
  getObjective,
  getScorecard,
  listAllObjectives,
  listAllPerspectives,
  notFound,
} from '../store/records';
import type { Db } from '../workspace/connection';
import type { ScorecardEvaluation } from '@shared/domain/evaluation';
import { evaluateScorecard, type ViewInput } from './evaluation';

// Links between objectives and the strategy map of a scorecard. Every rule a link must meet is
// in shared/strategy-map/link-rules.ts, checked inside the write's transaction.

function objectiveEnds(db: Db): Map<string, LinkEnd> {
  return new Map(listAllObjectives(db).map((o) => [o.id, { id: o.id, name: o.name }]));
}

/** Refuses the link with the rule's message, naming the field it concerns. */
export function checkLink(db: Db, fromId: string, toId: string): void {
  const problem = linkProblem(fromId, toId, objectiveEnds(db), listLinks(db));
  if (problem) throw new ApiError(problem);
}

export function allLinks(db: Db): ObjectiveLink[] {
  return listLinks(db);
}

export function createLink(tx: Tx, now: string, input: MethodInput<'link.create'>): ObjectiveLink {
  return tx.db.transaction(() => {
    checkLink(tx.db, input.fromObjectiveId, input.toObjectiveId);
    const link: ObjectiveLink = {
      id: newId(),
      fromObjectiveId: input.fromObjectiveId,
      toObjectiveId: input.toObjectiveId,
      label: input.label,
      createdAt: now,
    };
    insertLinks(tx, [link]);
    return link;
  })();
}

function getLink(db: Db, id: string): ObjectiveLink {
  const link = findLink(db, id);
  if (!link) throw notFound('link between objectives', id, 'id');
  return link;
}

export function relabelLink(tx: Tx, input: MethodInput<'link.update'>): ObjectiveLink {
  return tx.db.transaction(() => {
    const before = getLink(tx.db, input.id);
    updateLinkLabel(tx, before, input.label);
    return { ...before, label: input.label };
  })();
}

export function removeLink(tx: Tx, id: string): void {
  tx.db.transaction(() => {
    deleteLink(tx, getLink(tx.db, id));
  })();
}

export function strategyMap(
  db: Db,
  now: string,
  input: MethodInput<'strategyMap.get'>,
): StrategyMap {
  return db.transaction(() => {
    // The scorecard view's sparkline length, though the map shows none: the evaluation the view
    // keeps is then reused (only the sparkline differs, see SPARKLINE_POINTS).
    const evaluation = evaluateScorecard(db, now, {
      id: input.scorecardId,
      view: input.view,
      period: input.period,
      sparklineLength: SPARKLINE_POINTS,
    });
    return strategyMapOf(db, now, evaluation, input.view);
  })();
}

/**
 * The map of a scorecard already evaluated in `view`: the board report has evaluated it for
 * its own pages, and evaluating it again took about a sixth of the report data's time. The map
 * reads only the objectives' statuses and KPI counts, which the sparkline's length leaves alone.
 */
export function strategyMapOf(
  db: Db,
  now: string,
  evaluation: ScorecardEvaluation,
  view: ViewInput,
): StrategyMap {
  return db.transaction(() => {
    const own = new Set(
      evaluation.perspectives.flatMap((p) => p.objectives.map((o) => o.objective.id)),
    );
    const links = listLinks(db);
    const farEnds = new Set<string>();
    for (const link of links) {
      if (own.has(link.fromObjectiveId) && !own.has(link.toObjectiveId))
        farEnds.add(link.toObjectiveId);
      if (own.has(link.toObjectiveId) && !own.has(link.fromObjectiveId))
        farEnds.add(link.fromObjectiveId);
    }
    const perspectives = new Map(listAllPerspectives(db).map((p) => [p.id, p]));
    const farScorecards = new Set<string>();
    for (const objective of listAllObjectives(db)) {
      const scorecardId = perspectives.get(objective.perspectiveId)?.scorecardId;
      if (farEnds.has(objective.id) && scorecardId !== undefined) farScorecards.add(scorecardId);
    }
    // Other scorecards' objectives are scored in the same view period as this map.
    const external: ExternalObjective[] = [];
    for (const scorecardId of farScorecards) {
      const other = evaluateScorecard(db, now, {
        id: scorecardId,
        view,
        period: evaluation.period,
        sparklineLength: 2,
      });
      for (const p of other.perspectives)
        for (const o of p.objectives)
          if (farEnds.has(o.objective.id))
            external.push({
              objective: o.objective,
              perspectiveName: p.perspective.name,
              scorecard: other.scorecard,
              scored: o,
              kpiCount: o.kpis.length,
            });
    }
    return buildStrategyMap({
      scorecard: evaluation.scorecard,
      period: evaluation.period,
      perspectives: evaluation.perspectives,
      links,
      external,
      positions: listPositions(db, evaluation.scorecard.id),
    });
  })();
}

export function keepPositions(
  tx: Tx,
  input: MethodInput<'strategyMap.setPositions'>,
): MapPosition[] {
  return tx.db.transaction(() => {
    getScorecard(tx.db, input.scorecardId, 'scorecardId');
    input.positions.forEach((position, index) => {
      getObjective(tx.db, position.objectiveId, `positions.${index}.objectiveId`);
    });
    writePositions(
      tx,
      input.positions.map((p) => ({ scorecardId: input.scorecardId, ...p })),
    );
    return listPositions(tx.db, input.scorecardId);
  })();
}

export function resetPositions(tx: Tx, scorecardId: string): void {
  tx.db.transaction(() => {
    getScorecard(tx.db, scorecardId, 'scorecardId');
    deletePositions(tx, listPositions(tx.db, scorecardId));
  })();
}
