import type { ChangeEntity } from '@shared/domain/entities';

// Which kinds of the backend's `changed` event each view reads again on. Every kind the change
// log knows is placed here: a kind added to ChangeEntity does not compile until some view
// follows it (or it is listed as shown by none).

/** Everything a score or a status can depend on: the scorecard, hierarchy, KPI detail. */
export const SCORING_KINDS = [
  'workspace',
  'scorecard',
  'perspective',
  'objective',
  'kpi',
  'value',
] as const satisfies readonly ChangeEntity[];

/** The strategy map: scores, and its links and the positions users dragged objectives to. */
export const MAP_KINDS = [
  ...SCORING_KINDS,
  'objective_link',
  'map_position',
] as const satisfies readonly ChangeEntity[];

/** The report preview: scores, the strategy-map page, and the action plans and options it prints. */
export const REPORT_KINDS = [
  ...MAP_KINDS,
  'action_plan',
  'report_options',
] as const satisfies readonly ChangeEntity[];

export const ACTION_PLAN_KINDS = [
  'kpi',
  'objective',
  'action_plan',
] as const satisfies readonly ChangeEntity[];

/** The dashboard, beside the evaluation it is given: plans due, dismissals, what is due. */
export const DASHBOARD_KINDS = [
  'action_plan',
  'health_dismissal',
  'reminder_defaults',
  'kpi_reminder',
] as const satisfies readonly ChangeEntity[];

/** The reminders count: values due, the KPIs and scorecards they belong to, reminder rules. */
export const REMINDER_KINDS = [
  'workspace',
  'scorecard',
  'objective',
  'kpi',
  'value',
  'reminder_defaults',
  'kpi_reminder',
  'review_schedule',
] as const satisfies readonly ChangeEntity[];

type Followed =
  | (typeof REPORT_KINDS)[number]
  | (typeof ACTION_PLAN_KINDS)[number]
  | (typeof REMINDER_KINDS)[number]
  | (typeof DASHBOARD_KINDS)[number];

/** 'none' while every ChangeEntity kind is followed above; else it names those no view follows. */
type Unfollowed = Exclude<ChangeEntity, Followed>;
export const UNFOLLOWED_KINDS: [Unfollowed] extends [never] ? 'none' : Unfollowed = 'none';
