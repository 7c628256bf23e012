import type { Frequency, Status } from '../domain/kpi';
import type { AlertInputs } from './alert-status';

// The vocabulary of reminders (PRODUCT.md "Reminder"). A reminder is computed, never stored:
// the schedule is a pure function of the workspace, the settings and the clock, and only what
// the user did with a reminder (shown, snoozed, dismissed, done) is remembered, by its key.

/** Local wall-clock time "HH:MM" (24 h). */
export type TimeOfDay = string;

/** A workspace's defaults for data-due reminders (stored in the workspace file). */
export interface DataDueDefaults {
  enabled: boolean;
  /** Days after a period ends before its value is due (0: on the period's last day). */
  graceDays: number;
  timeOfDay: TimeOfDay;
}

export const DEFAULT_DATA_DUE: DataDueDefaults = {
  enabled: true,
  graceDays: 3,
  timeOfDay: '09:00',
};

/** One KPI's departure from the workspace defaults: off, or its own lead time / time of day. */
export interface KpiReminderOverride {
  kpiId: string;
  mode: 'off' | 'custom';
  /** null: the workspace default. */
  graceDays: number | null;
  timeOfDay: TimeOfDay | null;
}

export const REVIEW_CADENCES = ['monthly', 'quarterly', 'custom'] as const;
export type ReviewCadence = (typeof REVIEW_CADENCES)[number];

/**
 * A recurring review meeting of one scorecard. Monthly: the first Monday of each month;
 * quarterly: the first Monday of each quarter; custom: every `intervalWeeks` weeks from
 * `startDate` (on its weekday).
 */
export interface ReviewSchedule {
  scorecardId: string;
  cadence: ReviewCadence;
  intervalWeeks: number;
  /** ISO date; the first meeting of a custom cadence. Ignored by monthly and quarterly. */
  startDate: string;
  timeOfDay: TimeOfDay;
  /** How many days before the meeting the reminder comes (0: on the day). */
  leadDays: number;
  /** What to prepare, shown in the reminder. */
  prepare: string;
}

/** Everything about reminders that lives in a workspace file. */
export interface WorkspaceReminderSettings {
  dataDue: DataDueDefaults;
  overrides: KpiReminderOverride[];
  reviews: ReviewSchedule[];
}

/** This person's preferences on this computer (stored in the app's data folder). */
export interface ReminderPreferences {
  /** Nothing is notified while paused; the inbox still lists everything. */
  paused: boolean;
  quietHours: { enabled: boolean; start: TimeOfDay; end: TimeOfDay };
}

export const DEFAULT_PREFERENCES: ReminderPreferences = {
  paused: false,
  quietHours: { enabled: false, start: '22:00', end: '07:00' },
};

export type ReminderKind = 'data_due' | 'review' | 'alert';

/**
 * What an alert says, beside its text: a KPI or objective that moved into `status` (from
 * `previous`) in its latest period, or a forecast that the period's target will be missed.
 */
export interface AlertInfo {
  reason: 'status' | 'forecast';
  subject: 'kpi' | 'objective';
  /** A forecast miss is a warning, not a fact yet: always at risk. */
  status: Extract<Status, 'at_risk' | 'off_track'>;
  previous: Status | null;
}

/** One occurrence of a reminder. */
export interface Reminder {
  /** Stable identity: the same reminder has the same key whatever the time zone or run. */
  key: string;
  kind: ReminderKind;
  workspacePath: string;
  workspaceName: string;
  /** When it is due, as a UTC ISO instant (computed in the user's time zone). */
  dueAt: string;
  /** `dueAt` in epoch milliseconds, where the schedule already knows it (see `dueTime`). */
  readonly dueMs?: number;
  title: string;
  detail: string;
  kpiId: string | null;
  scorecardId: string | null;
  /** The period whose value is due (data-due reminders). */
  period: string | null;
  owner: string;
  /** Alerts only (kind 'alert'); absent on reminders, so older callers see what they saw. */
  alert?: AlertInfo;
}

/** What the schedule needs to know of one KPI. */
export interface KpiForReminders {
  id: string;
  name: string;
  owner: string;
  frequency: Frequency;
  /** Only KPIs whose values people enter get data-due reminders (not formulas or roll-ups). */
  entered: boolean;
  /** Period keys that already have a value. */
  periodsWithValue: ReadonlySet<string>;
  /**
   * When the KPI was made (epoch ms, from the workspace's change log): periods that fell due
   * long before it are not asked for. Absent where the making was not recorded.
   */
  createdMs?: number;
}

export interface ScorecardForReminders {
  id: string;
  name: string;
}

/** One workspace as the schedule sees it. */
export interface WorkspaceSnapshot {
  path: string;
  name: string;
  kpis: KpiForReminders[];
  scorecards: ScorecardForReminders[];
  settings: WorkspaceReminderSettings;
  /** What off-track alerts are computed from; absent when the file could not be scored. */
  alerts?: AlertInputs;
}
