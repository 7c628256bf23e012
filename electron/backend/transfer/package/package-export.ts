import type { KpiPackage } from '@shared/transfer/package-schema';
import { PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION } from '@shared/transfer/package-schema';
import { listKpis } from '../../store/kpis';
import {
  getScorecard,
  listAllObjectives,
  listAllPerspectives,
  listAllScorecards,
} from '../../store/records';
import { listValues } from '../../store/values';
import type { Db } from '../../workspace/connection';
import { readMeta } from '../../workspace/workspace';
import { hasReminderTables, readReminderSection } from './reminder-section';
import { listActionPlans } from '../../store/action-plans';
import { listLinks, listPositions } from '../../store/objective-links';
import { hasTable } from './tables';

// A workspace (or one scorecard and the scorecards below it) as a package. Records are listed
// by id (UUIDv7: creation order), so two exports of the same data are identical apart from
// `exportedAt`, whatever order rows happen to sit in the file.

const byId = <T extends { id: string }>(items: T[]): T[] =>
  items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

function subtree(db: Db, rootId: string): Set<string> {
  const scorecards = listAllScorecards(db);
  const inside = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const card of scorecards)
      if (card.parentId !== null && inside.has(card.parentId) && !inside.has(card.id)) {
        inside.add(card.id);
        grew = true;
      }
  }
  return inside;
}

export function buildPackage(
  db: Db,
  options: { scorecardId?: string | undefined; exportedAt: string; generator: string },
): KpiPackage {
  const meta = readMeta(db);
  const root =
    options.scorecardId === undefined ? null : getScorecard(db, options.scorecardId, 'scorecardId');
  const cards = root ? subtree(db, root.id) : null;
  const scorecards = byId(listAllScorecards(db).filter((s) => !cards || cards.has(s.id))).map(
    (s) => ({
      id: s.id,
      // The chosen scorecard becomes a top-level one: its parent is not in the package.
      parentId: s.id === root?.id ? null : s.parentId,
      name: s.name,
      description: s.description,
      position: s.position,
    }),
  );
  const perspectives = byId(
    listAllPerspectives(db).filter((p) => !cards || cards.has(p.scorecardId)),
  );
  const perspectiveIds = new Set(perspectives.map((p) => p.id));
  const objectives = byId(listAllObjectives(db).filter((o) => perspectiveIds.has(o.perspectiveId)));
  const objectiveIds = new Set(objectives.map((o) => o.id));
  const kpis = byId(listKpis(db).filter((k) => objectiveIds.has(k.objectiveId)));
  const kpiIds = new Set(kpis.map((k) => k.id));
  const values = listValues(db, {}).filter((v) => kpiIds.has(v.kpiId));
  const pkg: KpiPackage = {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    exportedAt: options.exportedAt,
    generator: options.generator,
    scope: root ? { kind: 'scorecard', scorecardId: root.id } : { kind: 'workspace' },
    workspace: { name: meta.name, fiscalYearStartMonth: meta.fiscalYearStartMonth },
    scorecards,
    perspectives: perspectives.map((p) => ({ ...p })),
    objectives: objectives.map((o) => ({ ...o })),
    kpis: kpis.map((k) => ({
      ...k,
      // A parent outside the chosen scorecards is not in the package: the link is dropped.
      parentKpiId: k.parentKpiId !== null && kpiIds.has(k.parentKpiId) ? k.parentKpiId : null,
    })),
    values: values.map((v) => ({
      kpiId: v.kpiId,
      period: v.period,
      value: v.value,
      comment: v.comment,
      enteredBy: v.enteredBy,
      enteredAt: v.enteredAt,
    })),
  };
  if (hasTable(db, 'action_plans'))
    pkg.actionPlans = byId(listActionPlans(db)).filter(
      (plan) =>
        (plan.kpiId !== null && kpiIds.has(plan.kpiId)) ||
        (plan.objectiveId !== null && objectiveIds.has(plan.objectiveId)),
    );
  // Links leaving the chosen scorecards are dropped, as parent KPIs outside them are.
  pkg.objectiveLinks = byId(listLinks(db)).filter(
    (link) => objectiveIds.has(link.fromObjectiveId) && objectiveIds.has(link.toObjectiveId),
  );
  pkg.mapPositions = listPositions(db).filter(
    (p) => scorecards.some((s) => s.id === p.scorecardId) && objectiveIds.has(p.objectiveId),
  );
  if (hasReminderTables(db))
    pkg.reminderSettings = readReminderSection(db, kpiIds, new Set(scorecards.map((s) => s.id)));
  return pkg;
}

/** Number of records in a package, for the export summary. */
export function packageRecordCount(pkg: KpiPackage): number {
  return (
    pkg.scorecards.length +
    pkg.perspectives.length +
    pkg.objectives.length +
    pkg.kpis.length +
    pkg.values.length +
    (pkg.actionPlans?.length ?? 0) +
    (pkg.objectiveLinks?.length ?? 0) +
    (pkg.mapPositions?.length ?? 0) +
    (pkg.reminderSettings
      ? pkg.reminderSettings.kpiOverrides.length + pkg.reminderSettings.reviewSchedules.length
      : 0)
  );
}
