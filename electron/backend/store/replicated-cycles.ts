import type { ChangeEntity } from '@shared/domain/entities';
import type { RecordEvent } from '@shared/sync/fold';
import { compareStamps } from '@shared/sync/hlc';
import { findKpi } from './kpis';
import { findScorecard } from './records';
import type { Resolutions } from './replicated-unique';
import type { Db } from '../workspace/connection';

// Loops of parents made on two laptops: one hangs KPI A under B while the other hangs B under
// A (each refused locally, each fine alone). A loop hides its members from every tree, so it
// is broken as soon as it is applied, the same way on every laptop: the member whose parent
// was set last is detached. That is a change of its own, logged, sent and listed for review
// like the settling of a unique name (replicated-unique.ts).

interface Hierarchy {
  entity: ChangeEntity;
  table: string;
  column: string;
  field: string;
  find: (db: Db, id: string) => object | null;
}

const HIERARCHIES: readonly Hierarchy[] = [
  { entity: 'kpi', table: 'kpis', column: 'parent_kpi_id', field: 'parentKpiId', find: findKpi },
  {
    entity: 'scorecard',
    table: 'scorecards',
    column: 'parent_id',
    field: 'parentId',
    find: findScorecard,
  },
];

/** The stamp of the newest event that set `field` ('' when none did). */
function setAt(events: readonly RecordEvent[], field: string): string {
  let newest = '';
  for (const event of events) {
    if (event.after === null || !(field in event.after)) continue;
    const value = JSON.stringify(event.after[field]);
    if (event.operation === 'update' && JSON.stringify(event.before?.[field]) === value) continue;
    if (compareStamps(event.hlc, newest) > 0) newest = event.hlc;
  }
  return newest;
}

/** The loops among `parentOf` (child → parent), each as its members. */
function loops(parentOf: ReadonlyMap<string, string>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  for (const start of parentOf.keys()) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let at: string | undefined = start;
    while (at !== undefined && !done.has(at) && !onPath.has(at)) {
      onPath.set(at, path.length);
      path.push(at);
      at = parentOf.get(at);
    }
    const from = at === undefined ? undefined : onPath.get(at);
    if (from !== undefined) found.push(path.slice(from));
    for (const id of path) done.add(id);
  }
  return found;
}

/** Detaches one member of each loop of KPI or scorecard parents; returns the kinds changed. */
export function breakLoops(db: Db, log: Resolutions): Set<ChangeEntity> {
  const kinds = new Set<ChangeEntity>();
  for (const { entity, table, column, field, find } of HIERARCHIES) {
    const rows = db
      .prepare<[], { id: string; parent: string }>(
        `SELECT id, ${column} AS parent FROM ${table} WHERE ${column} IS NOT NULL`,
      )
      .all();
    for (const members of loops(new Map(rows.map((row) => [row.id, row.parent])))) {
      const [last] = members
        .map((id) => ({ id, at: setAt(log.eventsOf(entity, id), field) }))
        .sort((x, y) => compareStamps(y.at, x.at) || compareStamps(y.id, x.id));
      const before = last === undefined ? null : find(db, last.id);
      if (last === undefined || before === null) continue;
      log.record(entity, last.id, 'update', { ...before }, { ...before, [field]: null });
      db.prepare(`UPDATE ${table} SET ${column} = NULL WHERE id = ?`).run(last.id);
      kinds.add(entity);
    }
  }
  return kinds;
}
