import type { Frequency } from '../domain/kpi';
import { parsePeriod, periodKeyOfDay, periodLabel, shiftPeriod } from '../domain/period';
import { addDays, localTimeMs } from './local-time';
import { plainReminder } from './plain';
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
  /** The same instant in epoch milliseconds. */
  dueMs: number;
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
        dueMs: ms,
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

export interface DataDueContext extends DueWorkspace {
  defaults: DataDueDefaults;
  overrides: ReadonlyMap<string, KpiReminderOverride>;
  /** Shared between KPIs: most KPIs of a workspace have the same frequency and timing. */
  slots: (frequency: Frequency, graceDays: number, timeOfDay: TimeOfDay) => DueSlot[];
}

function dataDueKeyPrefix(workspacePath: string, kpiId: string): string {
  return `${workspacePath}#due:${kpiId}:`;
}

/** The workspace a run of data-due reminders belongs to. */
interface DueWorkspace {
  readonly workspacePath: string;
  readonly workspaceName: string;
}

/**
 * What the data-due reminders of one KPI share: made once per KPI, and its texts only when a
 * reminder's key or detail is first read.
 */
class DueKpi {
  #keyPrefix: string | undefined;
  #detail: string | undefined;

  constructor(
    readonly kpi: KpiForReminders,
    readonly workspace: DueWorkspace,
    private readonly graceDays: number,
  ) {}

  get keyPrefix(): string {
    this.#keyPrefix ??= dataDueKeyPrefix(this.workspace.workspacePath, this.kpi.id);
    return this.#keyPrefix;
  }
  get detail(): string {
    this.#detail ??= dueDetail(this.kpi.owner, this.graceDays);
    return this.#detail;
  }
}

/**
 * One period's missing value. The schedule makes tens of thousands of these at every check and
 * most are only counted, compared by time and looked up by key, so an instance holds two
 * references and its texts are formed when read: a fifth of the memory of a filled-in object,
 * which is what keeps the schedule fast (the garbage collector, not the calendar, was its cost).
 * `toJSON` and `plainReminder` give the plain object wherever one leaves the process.
 */
class DataDueReminder implements Reminder {
  #key: string | undefined;

  constructor(
    private readonly of: DueKpi,
    private readonly slot: DueSlot,
  ) {}

  get kind(): 'data_due' {
    return 'data_due';
  }
  get key(): string {
    // Read by every never-twice lookup: kept once formed.
    this.#key ??= this.of.keyPrefix + this.slot.period;
    return this.#key;
  }
  get workspacePath(): string {
    return this.of.workspace.workspacePath;
  }
  get workspaceName(): string {
    return this.of.workspace.workspaceName;
  }
  get dueAt(): string {
    return this.slot.dueAt;
  }
  get dueMs(): number {
    return this.slot.dueMs;
  }
  get title(): string {
    return `The ${this.slot.label} value of ${this.of.kpi.name} is due`;
  }
  get detail(): string {
    return this.of.detail;
  }
  get kpiId(): string {
    return this.of.kpi.id;
  }
  get scorecardId(): null {
    return null;
  }
  get period(): string {
    return this.slot.period;
  }
  get owner(): string {
    return this.of.kpi.owner;
  }
  toJSON(): Reminder {
    return plainReminder(this, {});
  }
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
  let shared: DueKpi | undefined;
  const slots = ctx.slots(kpi.frequency, graceDays, timeOfDay);
  for (let i = firstAsked(kpi, slots); i < slots.length; i += 1) {
    const slot = slots[i] as DueSlot;
    if (kpi.periodsWithValue.has(slot.period)) continue;
    shared ??= new DueKpi(kpi, ctx, graceDays);
    into.push(new DataDueReminder(shared, slot));
  }
  return into;
}

/**
 * Where a KPI's reminders start. A KPI made today is asked for the value that fell due last
 * (what someone setting it up enters first) and for every one after, not for months of periods
 * before it existed; a KPI with earlier values (imported history) is asked for every gap after
 * its first value. A KPI whose making was not recorded is asked for the whole window.
 */
function firstAsked(kpi: KpiForReminders, slots: readonly DueSlot[]): number {
  const made = kpi.createdMs;
  if (made === undefined || slots.length === 0 || (slots[0] as DueSlot).dueMs >= made) return 0;
  let first = 0;
  while (first + 1 < slots.length && (slots[first + 1] as DueSlot).dueMs < made) first += 1;
  // Period keys of one frequency sort as text ("2026-W09" < "2026-W10").
  let oldestValue: string | undefined;
  for (const period of kpi.periodsWithValue)
    if (oldestValue === undefined || period < oldestValue) oldestValue = period;
  while (
    first > 0 &&
    oldestValue !== undefined &&
    (slots[first - 1] as DueSlot).period >= oldestValue
  )
    first -= 1;
  return first;
}

function dueDetail(owner: string, graceDays: number): string {
  const after =
    graceDays === 0
      ? 'on the last day of the period'
      : `${graceDays} day${graceDays === 1 ? '' : 's'} after the period ends`;
  return `${owner ? `Owner: ${owner} · ` : 'No owner · '}due ${after}`;
}
