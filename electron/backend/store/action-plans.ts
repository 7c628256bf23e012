import { v7 as uuidv7 } from 'uuid';
import type { ActionPlan, ActionPlanStatus } from '@shared/domain/entities';
import type { Db } from '../workspace/migrations';
import { notFound } from './records';

// Action plans (schema version 3). Not written to the change log yet: its CHECK constraint
// lists the entities it accepts and widening it means rebuilding that table (see the report).

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

const toActionPlan = (row: ActionPlanRow): ActionPlan => ({
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
  db: Db,
  fields: Omit<ActionPlan, 'id' | 'createdAt' | 'updatedAt'>,
  now: string,
): ActionPlan {
  const plan: ActionPlan = { id: uuidv7(), ...fields, createdAt: now, updatedAt: now };
  db.prepare(
    `INSERT INTO action_plans
       (id, kpi_id, objective_id, title, owner, due_date, status, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    plan.id,
    plan.kpiId,
    plan.objectiveId,
    plan.title,
    plan.owner,
    plan.dueDate,
    plan.status,
    plan.notes,
    plan.createdAt,
    plan.updatedAt,
  );
  return plan;
}

export function updateActionPlan(db: Db, plan: ActionPlan): void {
  db.prepare(
    `UPDATE action_plans SET title = ?, owner = ?, due_date = ?, status = ?, notes = ?,
       updated_at = ? WHERE id = ?`,
  ).run(plan.title, plan.owner, plan.dueDate, plan.status, plan.notes, plan.updatedAt, plan.id);
}

export function deleteActionPlan(db: Db, id: string): void {
  db.prepare('DELETE FROM action_plans WHERE id = ?').run(id);
}
