import type { ObjectiveLink } from '../domain/entities';

// What a link between objectives may be (issue 17): both ends exist, they differ, and the
// same cause → effect is not stated twice. The reverse link and longer loops are allowed
// (README "Strategy map"): a balanced scorecard's feedback loops are real ("profit funds
// training, training raises quality, quality raises profit"), and refusing them would make
// users draw the truth wrongly. The backend checks these rules before writing; the map uses
// them to say why an action is not offered.

export interface LinkEnd {
  id: string;
  name: string;
}

export type LinkProblem =
  | { field: 'fromObjectiveId' | 'toObjectiveId'; code: 'NOT_FOUND'; message: string }
  | { field: 'toObjectiveId'; code: 'VALIDATION' | 'CONFLICT'; message: string };

/**
 * Why a link from → to cannot be made, or null. `objectives` holds every objective of the
 * workspace by id; `links` every existing link.
 */
export function linkProblem(
  fromId: string,
  toId: string,
  objectives: ReadonlyMap<string, LinkEnd>,
  links: readonly Pick<ObjectiveLink, 'fromObjectiveId' | 'toObjectiveId'>[],
): LinkProblem | null {
  const from = objectives.get(fromId);
  if (!from)
    return {
      field: 'fromObjectiveId',
      code: 'NOT_FOUND',
      message: `The objective a link starts from (id ${fromId}) is not in this workspace; it may have been deleted. Nothing was saved.`,
    };
  const to = objectives.get(toId);
  if (!to)
    return {
      field: 'toObjectiveId',
      code: 'NOT_FOUND',
      message: `The objective a link leads to (id ${toId}) is not in this workspace; it may have been deleted. Nothing was saved.`,
    };
  if (fromId === toId)
    return {
      field: 'toObjectiveId',
      code: 'VALIDATION',
      message: `“${from.name}” cannot drive itself: a link joins two different objectives. Nothing was saved.`,
    };
  if (links.some((link) => link.fromObjectiveId === fromId && link.toObjectiveId === toId))
    return {
      field: 'toObjectiveId',
      code: 'CONFLICT',
      message: `“${from.name}” → “${to.name}” is already on the map. Nothing was saved.`,
    };
  return null;
}
