import { z } from 'zod';
import { idSchema } from '../api/schemas';
import { ACTION_PLAN_STATUSES } from './action-plan-status';

// Action plans: the schemas of their API inputs (their statuses: action-plan-status.ts).

const title = z
  .string({ error: 'Title must be text' })
  .trim()
  .min(1, { error: 'Say what is being done (the title is required)' })
  .max(200, { error: 'Title must be at most 200 characters' });
const owner = z
  .string({ error: 'Owner must be text' })
  .trim()
  .max(200, { error: 'Owner must be at most 200 characters' });
const notes = z
  .string({ error: 'Notes must be text' })
  .max(10_000, { error: 'Notes must be at most 10,000 characters' });
const status = z.enum(ACTION_PLAN_STATUSES, {
  error: `Status must be one of: ${ACTION_PLAN_STATUSES.join(', ')}`,
});

/** An ISO day that exists on the calendar (2026-02-30 is refused, not rolled over). */
export const dueDateSchema = z
  .string({ error: 'Due date must be text' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Due date must be a day written like 2026-04-30' })
  .refine(
    (day) => {
      const date = new Date(`${day}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
    },
    { error: 'Due date is not a day on the calendar' },
  )
  .nullable();

export const actionPlanCreateSchema = z
  .strictObject({
    kpiId: idSchema.nullable().default(null),
    objectiveId: idSchema.nullable().default(null),
    title,
    owner: owner.default(''),
    dueDate: dueDateSchema.default(null),
    status: status.default('planned'),
    notes: notes.default(''),
  })
  .refine((plan) => (plan.kpiId === null) !== (plan.objectiveId === null), {
    error: 'An action plan belongs to one KPI or one objective',
    path: ['kpiId'],
  });

export const actionPlanUpdateSchema = z.strictObject({
  id: idSchema,
  title: title.optional(),
  owner: owner.optional(),
  dueDate: dueDateSchema.optional(),
  status: status.optional(),
  notes: notes.optional(),
});

export const actionPlanListSchema = z
  .strictObject({
    kpiId: idSchema.optional(),
    objectiveId: idSchema.optional(),
  })
  .refine((filter) => !(filter.kpiId !== undefined && filter.objectiveId !== undefined), {
    error: 'List the plans of a KPI or of an objective, not both',
    path: ['objectiveId'],
  });
