import type { Frequency } from '@shared/domain/kpi';
import { isPeriodKey } from '@shared/domain/period';
import type { KpiValue } from '@shared/domain/entities';
import type { ChangeLog } from './change-log';
import { valueEntityId } from './change-log';
import { valueStatements } from './values';
import type { Db } from '../workspace/connection';

// Writing values together with their change-log entries. Used by value.set, value.setMany and
// the sample workspace, so every path that writes a value also writes its history.

const PERIOD_HINT: Record<Frequency, string> = {
  daily: 'use YYYY-MM-DD',
  weekly: 'use YYYY-Www, e.g. 2026-W05',
  monthly: 'use YYYY-MM',
  quarterly: 'use YYYY-Qn, e.g. 2026-Q1',
  yearly: 'use YYYY',
};

/** Why `period` is not a key of `frequency`, or null when it is. */
export function periodProblem(frequency: Frequency, period: string): string | null {
  return isPeriodKey(frequency, period)
    ? null
    : `${period} is not a ${frequency} period (${PERIOD_HINT[frequency]})`;
}

/** Why a value cannot be stored for this KPI and period, or null when it can. */
export function entryProblem(
  kpi: { name: string; frequency: Frequency; formula: string | null },
  period: string,
): string | null {
  if (kpi.formula !== null)
    return `${kpi.name} is calculated from its formula (${kpi.formula}); its values are not entered`;
  return periodProblem(kpi.frequency, period);
}

export interface ValueEntry {
  kpiId: string;
  period: string;
  value: number;
  /** Left out: keep the stored comment (or none for a new value). */
  comment?: string | undefined;
}

export class ValueWriter {
  private readonly statements;

  constructor(
    db: Db,
    private readonly changes: ChangeLog,
    private readonly enteredBy: string,
    private readonly enteredAt: string,
  ) {
    this.statements = valueStatements(db);
  }

  get(kpiId: string, period: string): KpiValue | null {
    return this.statements.get(kpiId, period);
  }

  /** Inserts or updates one value; an unchanged value and comment writes nothing at all. */
  set(entry: ValueEntry): KpiValue {
    const before = this.statements.get(entry.kpiId, entry.period);
    const comment = entry.comment ?? before?.comment ?? '';
    if (before && before.value === entry.value && before.comment === comment) return before;
    const after: KpiValue = {
      kpiId: entry.kpiId,
      period: entry.period,
      value: entry.value,
      comment,
      enteredBy: this.enteredBy,
      enteredAt: this.enteredAt,
    };
    this.statements.upsert(after);
    this.changes.record(
      'value',
      valueEntityId(entry.kpiId, entry.period),
      before ? 'update' : 'insert',
      before,
      after,
    );
    return after;
  }

  /** Deletes a stored value (the caller checked it exists) and logs what it was. */
  remove(before: KpiValue): void {
    this.statements.remove(before.kpiId, before.period);
    this.changes.record(
      'value',
      valueEntityId(before.kpiId, before.period),
      'delete',
      before,
      null,
    );
  }
}
