import type { ServerEvents } from '@shared/api/events';
import { dependentClosure } from '@shared/formula/dependencies';
import type { Touched } from '../store/change-log';
import { readStructureLinks, type KpiLink } from '../store/structure-links';
import type { Db } from '../workspace/connection';

// The scorecards a write can change what is shown for (the `changed` event's `scorecardIds`):
// those the written entities belong to, those whose KPIs follow them through a formula or a
// roll-up, and every scorecard above those (a parent shows its children's cascaded scores).
// Null when the write concerns the whole workspace; a view then reads again whatever it shows.

export function changedScorecards(db: Db, touched: Omit<Touched, 'entities'>): string[] | null {
  if (touched.wide) return null;
  if (touched.refs.length === 0) return [];
  const named = touched.refs.map((ref) => {
    const colon = ref.indexOf(':');
    return { kind: ref.slice(0, colon), id: ref.slice(colon + 1) };
  });
  const {
    kpis,
    perspectiveOfObjective: perspectiveOf,
    scorecardOfPerspective: scorecardOf,
    parentOfScorecard: parentOf,
  } = readStructureLinks(
    db,
    named.flatMap(({ kind, id }) => (kind === 'kpi' ? [id] : [])),
  );
  const kpiById = new Map(kpis.map((kpi) => [kpi.id, kpi]));

  const cards = new Set<string>();
  const objectiveCard = (id: string): void => {
    const perspective = perspectiveOf.get(id);
    const card = perspective === undefined ? undefined : scorecardOf.get(perspective);
    if (card !== undefined) cards.add(card);
  };
  const roots: KpiLink[] = [];
  for (const { kind, id } of named) {
    if (kind === 'scorecard') cards.add(id);
    else if (kind === 'perspective') {
      const card = scorecardOf.get(id);
      if (card !== undefined) cards.add(card);
    } else if (kind === 'objective') objectiveCard(id);
    else {
      const kpi = kpiById.get(id);
      if (kpi) roots.push(kpi);
    }
  }
  // A deleted KPI is gone from the structure; its entry named its objective, counted above.
  for (const kpi of dependentClosure(kpis, roots)) objectiveCard(kpi.objectiveId);
  for (const card of [...cards]) {
    let parent = parentOf.get(card) ?? null;
    while (parent !== null && !cards.has(parent)) {
      cards.add(parent);
      parent = parentOf.get(parent) ?? null;
    }
  }
  return [...cards].sort();
}

/** The `changed` event for what was logged, or null when nothing was. */
export function changedEvent(db: Db, touched: Touched): ServerEvents['changed'] | null {
  if (touched.entities.length === 0) return null;
  return { entities: touched.entities, scorecardIds: changedScorecards(db, touched) };
}
