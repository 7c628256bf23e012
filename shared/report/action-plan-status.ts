import type { ActionPlanStatus } from '../domain/entities';

// Action plans' statuses and their names, free of the API's schemas (action-plans.ts): the
// renderer shows them, and importing the schemas would build every zod schema on its start.

export const ACTION_PLAN_STATUSES = [
  'planned',
  'in_progress',
  'blocked',
  'done',
  'cancelled',
] as const satisfies readonly ActionPlanStatus[];

export const ACTION_PLAN_STATUS_LABELS: Record<ActionPlanStatus, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  blocked: 'Blocked',
  done: 'Done',
  cancelled: 'Cancelled',
};

/** Plans still being worked on: what a board wants to see next to an off-track KPI. */
export function isOpenPlan(status: ActionPlanStatus): boolean {
  return status !== 'done' && status !== 'cancelled';
}
