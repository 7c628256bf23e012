import type { ChangeEntity, ChangeOperation, Unit } from './entities';
import { formatValue } from './format';
import type { Frequency } from './kpi';
import { periodLabel } from './period';

// The audit trail: the change log as people read it — who, when, what, old → new — and a
// value's history in words ("Maria changed Oct 2026 from 9.6 % to 10.2 %").

/** The KPI a value entry is about, as much as the words need. */
export interface AuditKpi {
  id: string;
  name: string;
  unit: Unit;
  decimals: number;
  frequency: Frequency;
}

/** One field of an entity that an update changed, as text. */
export interface AuditFieldChange {
  field: string;
  before: string;
  after: string;
}

export interface AuditEntry {
  id: string;
  /** ISO time of the change. */
  at: string;
  /** The name of who made it: the value's author, else the name set on the computer it was made on. */
  who: string;
  entity: ChangeEntity;
  entityId: string;
  operation: ChangeOperation;
  /** What the entry is about, by name (a KPI's, an objective's…); '' when nothing names it. */
  name: string;
  /** The KPI of a value entry (or the KPI itself); null when it no longer exists. */
  kpi: AuditKpi | null;
  /** A value entry's period key. */
  period: string | null;
  /** A value entry's numbers: null before an insert and after a delete. */
  before: number | null;
  after: number | null;
  /** The file an imported value came from. */
  source: string | null;
  /** The fields an update of anything but a value changed. */
  fields: AuditFieldChange[];
}

/** Kinds of entry the audit trail can be filtered by, in words. */
export const AUDIT_KIND_WORDS: Record<ChangeEntity, string> = {
  workspace: 'workspace',
  scorecard: 'scorecard',
  perspective: 'perspective',
  objective: 'objective',
  kpi: 'KPI',
  value: 'value',
  action_plan: 'action plan',
  reminder_defaults: 'reminder defaults',
  kpi_reminder: 'KPI reminder',
  review_schedule: 'review schedule',
  report_options: 'report options',
  objective_link: 'strategy map link',
  map_position: 'strategy map position',
  health_dismissal: 'health check dismissal',
};

/** A number of a value entry as the KPI shows it; the bare number if the KPI is gone. */
export function auditNumber(entry: AuditEntry, value: number | null, locale?: string): string {
  if (value === null) return '—';
  return entry.kpi
    ? formatValue(value, entry.kpi.unit, entry.kpi.decimals, locale)
    : value.toLocaleString(locale);
}

function periodWords(entry: AuditEntry, locale?: string): string {
  if (entry.period === null) return '';
  return entry.kpi ? periodLabel(entry.kpi.frequency, entry.period, locale) : entry.period;
}

/**
 * A value entry in words, without the KPI's name (the KPI detail's history):
 * "Maria changed Oct 2026 from 9.6 % to 10.2 %", "Maria imported Oct 2026: 10.2 % (from
 * sales.csv)", "Maria entered…", "Maria deleted Oct 2026 (was 9.6 %)".
 */
export function valueSentence(entry: AuditEntry, locale?: string, withKpi = false): string {
  const who = entry.who === '' ? 'Someone' : entry.who;
  const kpi = entry.kpi?.name ?? entry.name;
  const period =
    withKpi && kpi !== '' ? `${kpi}, ${periodWords(entry, locale)}` : periodWords(entry, locale);
  const before = auditNumber(entry, entry.before, locale);
  const after = auditNumber(entry, entry.after, locale);
  const from = entry.source === null ? '' : ` (from ${entry.source})`;
  switch (entry.operation) {
    case 'insert':
      return `${who} ${entry.source === null ? 'entered' : 'imported'} ${period}: ${after}${from}`;
    case 'update':
      return entry.before === entry.after
        ? `${who} changed the comment of ${period}${from}`
        : `${who} changed ${period} from ${before} to ${after}${from}`;
    case 'delete':
      return `${who} deleted ${period} (was ${before})`;
  }
}

/** Any entry in words, naming what it is about: the audit trail's "What". */
export function auditSentence(entry: AuditEntry, locale?: string): string {
  // "Maria changed Net profit margin, Oct 2026 from 9.6 % to 10.2 %"
  if (entry.entity === 'value') return valueSentence(entry, locale, true);
  const who = entry.who === '' ? 'Someone' : entry.who;
  const verb =
    entry.operation === 'insert' ? 'created' : entry.operation === 'update' ? 'changed' : 'deleted';
  const what = AUDIT_KIND_WORDS[entry.entity];
  const named = entry.name === '' ? `the ${what}` : `the ${what} "${entry.name}"`;
  const fields =
    entry.operation === 'update' && entry.fields.length > 0
      ? `: ${entry.fields.map((f) => `${f.field} ${f.before} → ${f.after}`).join('; ')}`
      : '';
  return `${who} ${verb} ${named}${fields}`;
}
