import type { MapPosition, ObjectiveLink } from '@shared/domain/entities';
import type { Db } from '../workspace/connection';
import type { Tx } from './change-log';

// Links between objectives and dragged map positions (schema "strategy map"), each write with
// its change-log entry. A position's entity id in the log is '<scorecard id>/<objective id>'.

interface LinkRow {
  id: string;
  from_objective_id: string;
  to_objective_id: string;
  label: string;
  created_at: string;
}

interface PositionRow {
  scorecard_id: string;
  objective_id: string;
  x: number;
  y: number;
}

const toLink = (row: LinkRow): ObjectiveLink => ({
  id: row.id,
  fromObjectiveId: row.from_objective_id,
  toObjectiveId: row.to_objective_id,
  label: row.label,
  createdAt: row.created_at,
});

const toPosition = (row: PositionRow): MapPosition => ({
  scorecardId: row.scorecard_id,
  objectiveId: row.objective_id,
  x: row.x,
  y: row.y,
});

export const positionEntityId = (position: Pick<MapPosition, 'scorecardId' | 'objectiveId'>) =>
  `${position.scorecardId}/${position.objectiveId}`;

/** Every link of the workspace, oldest first. */
export function listLinks(db: Db): ObjectiveLink[] {
  return db
    .prepare<[], LinkRow>('SELECT * FROM objective_links ORDER BY created_at, id')
    .all()
    .map(toLink);
}

export function findLink(db: Db, id: string): ObjectiveLink | null {
  const row = db.prepare<[string], LinkRow>('SELECT * FROM objective_links WHERE id = ?').get(id);
  return row ? toLink(row) : null;
}

export function findLinkBetween(db: Db, fromId: string, toId: string): ObjectiveLink | null {
  const row = db
    .prepare<[string, string], LinkRow>(
      'SELECT * FROM objective_links WHERE from_objective_id = ? AND to_objective_id = ?',
    )
    .get(fromId, toId);
  return row ? toLink(row) : null;
}

/** Links as they are (new ones, or a package's with their own ids and times). */
export function insertLinks({ db, changes }: Tx, links: readonly ObjectiveLink[]): void {
  const insert = db.prepare(
    `INSERT INTO objective_links (id, from_objective_id, to_objective_id, label, created_at)
     VALUES (@id, @fromObjectiveId, @toObjectiveId, @label, @createdAt)`,
  );
  for (const link of links) {
    insert.run(link);
    changes.record('objective_link', link.id, 'insert', null, link);
  }
}

export function updateLinkLabel({ db, changes }: Tx, before: ObjectiveLink, label: string): void {
  db.prepare('UPDATE objective_links SET label = ? WHERE id = ?').run(label, before.id);
  changes.recordUpdate('objective_link', before.id, before, { ...before, label });
}

export function deleteLink({ db, changes }: Tx, before: ObjectiveLink): void {
  db.prepare('DELETE FROM objective_links WHERE id = ?').run(before.id);
  changes.record('objective_link', before.id, 'delete', before, null);
}

/** The dragged positions of one scorecard's map, or of every map. */
export function listPositions(db: Db, scorecardId?: string): MapPosition[] {
  const rows =
    scorecardId === undefined
      ? db
          .prepare<[], PositionRow>(
            'SELECT * FROM map_positions ORDER BY scorecard_id, objective_id',
          )
          .all()
      : db
          .prepare<[string], PositionRow>(
            'SELECT * FROM map_positions WHERE scorecard_id = ? ORDER BY objective_id',
          )
          .all(scorecardId);
  return rows.map(toPosition);
}

/** Inserts or moves positions; an unmoved one is neither written nor logged. */
export function writePositions({ db, changes }: Tx, positions: readonly MapPosition[]): void {
  const read = db.prepare<[string, string], PositionRow>(
    'SELECT * FROM map_positions WHERE scorecard_id = ? AND objective_id = ?',
  );
  const upsert = db.prepare(
    `INSERT INTO map_positions (scorecard_id, objective_id, x, y)
     VALUES (@scorecardId, @objectiveId, @x, @y)
     ON CONFLICT (scorecard_id, objective_id) DO UPDATE SET x = excluded.x, y = excluded.y`,
  );
  for (const position of positions) {
    const row = read.get(position.scorecardId, position.objectiveId);
    const before = row ? toPosition(row) : null;
    if (before && before.x === position.x && before.y === position.y) continue;
    upsert.run(position);
    changes.record(
      'map_position',
      positionEntityId(position),
      before ? 'update' : 'insert',
      before,
      position,
    );
  }
}

export function deletePositions({ db, changes }: Tx, positions: readonly MapPosition[]): void {
  const remove = db.prepare(
    'DELETE FROM map_positions WHERE scorecard_id = ? AND objective_id = ?',
  );
  for (const position of positions) {
    remove.run(position.scorecardId, position.objectiveId);
    changes.record('map_position', positionEntityId(position), 'delete', position, null);
  }
}
