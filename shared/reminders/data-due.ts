import type { Frequency } from '../domain/kpi';
import { parsePeriod, periodKeyOfDay, periodLabel, shiftPeriod } from '../domain/period';
import { addDays, localTimeMs } from './local-time';
import type {
  DataDueDefaults,
  KpiForReminders,
  KpiReminderOverride,
  Reminder,
  TimeOfDay,
} from './types';

// Data-due reminders: the value of a period is due `graceDays` after the period's last day, at
// the time of day, in the user's time zone. Periods come from shared/domain/period.ts, the one
// calendar of the app.

export interface DueSlot {
  period: string;
  /** "Mar 2026": made once per slot, not once per KPI. */
  label: string;
  /** UTC ISO instant. */
  dueAt: string;
}

/** The due instants of every period of `frequency` due within [fromMs, toMs], oldest first. */
export function dueSlots(
  frequency: Frequency,
  graceDays: number,
  timeOfDay: TimeOfDay,
  zone: string,
  fromMs: number,
  toMs: number,
  locale: string | undefined,
): DueSlot[] {
  // Start at the period that contains a day safely before the window (its due date is at
  // most graceDays + 1 day of offset away from its end), then walk forward.
  const firstDay = new Date(fromMs - (graceDays + 2) * 86_400_000).toISOString().slice(0, 10);
  let key = periodKeyOfDay(frequency, firstDay);
  const slots: DueSlot[] = [];
  for (;;) {
    const period = parsePeriod(frequency, key);
    if (!period) break;
    const ms = localTimeMs(addDays(period.end, graceDays), timeOfDay, zone);
    if (ms > toMs) break;
    if (ms >= fromMs)
      slots.push({
        period: key,
        label: cachedLabel(frequency, key, locale),
        dueAt: new Date(ms).toISOString(),
      });
    key = shiftPeriod(frequency, key, 1);
  }
  return slots;
}

const LABELS = new Map<string, string>();

/** periodLabel formats daily keys with toLocaleDateString, which is slow in a loop. */
function cachedLabel(frequency: Frequency, key: string, locale: string | undefined): string {
  const cacheKey = `${frequency}|${key}|${locale ?? ''}`;
  let label = LABELS.get(cacheKey);
  if (label === undefined) {
    label = periodLabel(frequency, key, locale);
    if (LABELS.size >= 20_000) LABELS.clear();
    LABELS.set(cacheKey, label);
  }
  return label;
}

export interface DataDueContext {
  workspacePath: string;
  workspaceName: string;
  defaults: DataDueDefaults;
  overrides: ReadonlyMap<string, KpiReminderOverride>;
  /** Shared between KPIs: most KPIs of a workspace have the same frequency and timing. */
  slots: (frequency: Frequency, graceDays: number, timeOfDay: TimeOfDay) => DueSlot[];
}

export function dataDueKey(workspacePath: string, kpiId: string, period: string): string {
  return `${workspacePath}#due:${kpiId}:${period}`;
}

/**
 * Appends the data-due reminders of one KPI in the window to `into` (one shared array: this
 * runs for every KPI of every recent workspace); a period that has a value has none.
 */
export function dataDueReminders(
  kpi: KpiForReminders,
  ctx: DataDueContext,
  into: Reminder[] = [],
): Reminder[] {
  if (!kpi.entered) return into;
  const override = ctx.overrides.get(kpi.id);
  if (override?.mode === 'off') return into;
  if (!ctx.defaults.enabled && override?.mode !== 'custom') return into;
  const graceDays = override?.graceDays ?? ctx.defaults.graceDays;
  const timeOfDay = override?.timeOfDay ?? ctx.defaults.timeOfDay;
  const reminders = into;
  const after =
    graceDays === 0
      ? 'on the last day of the period'
      : `${graceDays} day${graceDays === 1 ? '' : 's'} after the period ends`;
  const detail = `${kpi.owner ? `Owner: ${kpi.owner} · ` : 'No owner · '}due ${after}`;
  for (const slot of ctx.slots(kpi.frequency, graceDays, timeOfDay)) {
    if (kpi.periodsWithValue.has(slot.period)) continue;
    reminders.push({
      key: dataDueKey(ctx.workspacePath, kpi.id, slot.period),
      kind: 'data_due',
      workspacePath: ctx.workspacePath,
      workspaceName: ctx.workspaceName,
      dueAt: slot.dueAt,
      title: `The ${slot.label} value of ${kpi.name} is due`,
      detail,
      kpiId: kpi.id,
      scorecardId: null,
      period: slot.period,
      owner: kpi.owner,
    });
  }
  return reminders;
}
