import type { ActionPlan, ActionPlanStatus } from '@shared/domain/entities';
import type { Db } from '../workspace/connection';
import type { Tx } from './change-log';
import { newId } from './ids';
import { notFound } from './records';

// Action plans (schema version 3); each write with its change-log entry (schema 5 on).

interface ActionPlanRow {
  id: string;
  kpi_id: string | null;
  objective_id: string | null;
  title: string;
  owner: string;
  due_date: string | null;
  status: ActionPlanStatus;
  notes: string;
  created_at: string;
  updated_at: string;
}

export const toActionPlan = (row: ActionPlanRow): ActionPlan => ({
  id: row.id,
  kpiId: row.kpi_id,
  objectiveId: row.objective_id,
  title: row.title,
  owner: row.owner,
  dueDate: row.due_date,
  status: row.status,
  notes: row.notes,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

// Plans without a due date come last; ties keep the order they were made in.
const ORDER = 'ORDER BY due_date IS NULL, due_date, created_at, id';

export function listActionPlans(
  db: Db,
  filter: { kpiId?: string | undefined; objectiveId?: string | undefined } = {},
): ActionPlan[] {
  if (filter.kpiId !== undefined)
    return db
      .prepare<[string], ActionPlanRow>(`SELECT * FROM action_plans WHERE kpi_id = ? ${ORDER}`)
      .all(filter.kpiId)
      .map(toActionPlan);
  if (filter.objectiveId !== undefined)
    return db
      .prepare<[string], ActionPlanRow>(
        `SELECT * FROM action_plans WHERE objective_id = ? ${ORDER}`,
      )
      .all(filter.objectiveId)
      .map(toActionPlan);
  return db
    .prepare<[], ActionPlanRow>(`SELECT * FROM action_plans ${ORDER}`)
    .all()
    .map(toActionPlan);
}

export function getActionPlan(db: Db, id: string, field?: string): ActionPlan {
  const row = db
    .prepare<[string], ActionPlanRow>('SELECT * FROM action_plans WHERE id = ?')
    .get(id);
  if (!row) throw notFound('action plan', id, field);
  return toActionPlan(row);
}

export function insertActionPlan(
  { db, changes }: Tx,
  fields: Omit<ActionPlan, 'id' | 'createdAt' | 'updatedAt'>,
  now: string,
): ActionPlan {
  const plan: ActionPlan = { id: newId(), ...fields, createdAt: now, updatedAt: now };
  insertActionPlans({ db, changes }, [plan]);
  return plan;
}

/** Plans as they are (a package's, with their own ids and times). */
export function insertActionPlans({ db, changes }: Tx, plans: readonly ActionPlan[]): void {
  const insert = db.prepare(
    `INSERT INTO action_plans
       (id, kpi_id, objective_id, title, owner, due_date, status, notes, created_at, updated_at)
     VALUES (@id, @kpiId, @objectiveId, @title, @owner, @dueDate, @status, @notes, @createdAt,
       @updatedAt)`,
  );
  for (const plan of plans) {
    insert.run(plan);
    changes.record('action_plan', plan.id, 'insert', null, plan);
  }
}

export function updateActionPlan({ db, changes }: Tx, before: ActionPlan, after: ActionPlan): void {
  db.prepare(
    `UPDATE action_plans SET title = ?, owner = ?, due_date = ?, status = ?, notes = ?,
       updated_at = ? WHERE id = ?`,
  ).run(
    after.title,
    after.owner,
    after.dueDate,
    after.status,
    after.notes,
    after.updatedAt,
    after.id,
  );
  changes.recordUpdate('action_plan', after.id, before, after);
}

export function deleteActionPlan({ db, changes }: Tx, before: ActionPlan): void {
  db.prepare('DELETE FROM action_plans WHERE id = ?').run(before.id);
  changes.record('action_plan', before.id, 'delete', before, null);
}
