import { ApiError, type FieldIssue } from '@shared/api/errors';
import type { MethodInput } from '@shared/api/contract';
import type { ChangeLogEntry, Kpi, KpiValue } from '@shared/domain/entities';
import type { Tx } from '../store/change-log';
import { findKpi, getKpi } from '../store/kpis';
import { getScorecard } from '../store/records';
import { entryProblem, ValueWriter } from '../store/value-writer';
import { listValues } from '../store/values';
import { validationError } from '../validation';

// Values per KPI and period, with comments and a history kept in the change log.

/** Issues beyond this many are left out of one error: nobody reads the 5,000th. */
const MAX_ISSUES = 50;

/** Who enters values, and when: the same for every value of one call. */
export interface Author {
  enteredBy: string;
  enteredAt: string;
}

function writer(tx: Tx, author: Author): ValueWriter {
  return new ValueWriter(tx.db, tx.changes, author.enteredBy, author.enteredAt);
}

function checkPeriod(kpi: Kpi, period: string, field: string): void {
  const problem = entryProblem(kpi, period);
  if (problem) throw validationError([{ field, message: problem }]);
}

function missingValue(kpi: Kpi, period: string): ApiError {
  return new ApiError({
    code: 'NOT_FOUND',
    field: 'period',
    message: `No value of the KPI "${kpi.name}" for ${period}.`,
  });
}

export function findValues(tx: Tx, input: MethodInput<'value.list'>): KpiValue[] {
  if (input.scorecardId !== undefined) getScorecard(tx.db, input.scorecardId, 'scorecardId');
  return listValues(tx.db, input);
}

export function setValue(tx: Tx, author: Author, input: MethodInput<'value.set'>): KpiValue {
  return tx.db.transaction(() => {
    const kpi = getKpi(tx.db, input.kpiId, 'kpiId');
    checkPeriod(kpi, input.period, 'period');
    return writer(tx, author).set(input);
  })();
}

/** Checks every entry before writing any, so the error lists all the bad cells at once. */
function checkEntries(tx: Tx, entries: MethodInput<'value.setMany'>['entries']): void {
  const kpis = new Map<string, Kpi | null>();
  const seen = new Map<string, number>();
  const issues: FieldIssue[] = [];
  entries.forEach((entry, index) => {
    if (issues.length >= MAX_ISSUES) return;
    if (!kpis.has(entry.kpiId)) kpis.set(entry.kpiId, findKpi(tx.db, entry.kpiId));
    const kpi = kpis.get(entry.kpiId);
    if (!kpi) {
      issues.push({ field: `entries.${index}.kpiId`, message: `No KPI with id ${entry.kpiId}` });
      return;
    }
    const problem = entryProblem(kpi, entry.period);
    if (problem) {
      issues.push({ field: `entries.${index}.period`, message: `${kpi.name}: ${problem}` });
      return;
    }
    const key = `${entry.kpiId}/${entry.period}`;
    const first = seen.get(key);
    if (first !== undefined)
      issues.push({
        field: `entries.${index}.period`,
        message: `${kpi.name} ${entry.period} is also entry #${first + 1}; give each value once`,
      });
    else seen.set(key, index);
  });
  if (issues.length > 0) throw validationError(issues);
}

export function setValues(tx: Tx, author: Author, input: MethodInput<'value.setMany'>): KpiValue[] {
  return tx.db.transaction(() => {
    checkEntries(tx, input.entries);
    const values = writer(tx, author);
    return input.entries.map((entry) => values.set(entry));
  })();
}

export function setComment(
  tx: Tx,
  author: Author,
  input: MethodInput<'value.setComment'>,
): KpiValue {
  return tx.db.transaction(() => {
    const kpi = getKpi(tx.db, input.kpiId, 'kpiId');
    const values = writer(tx, author);
    const before = values.get(input.kpiId, input.period);
    if (!before) throw missingValue(kpi, input.period);
    return values.set({ ...before, comment: input.comment });
  })();
}

export function removeValue(tx: Tx, author: Author, input: MethodInput<'value.delete'>): void {
  tx.db.transaction(() => {
    const kpi = getKpi(tx.db, input.kpiId, 'kpiId');
    const values = writer(tx, author);
    const before = values.get(input.kpiId, input.period);
    if (!before) throw missingValue(kpi, input.period);
    values.remove(before);
  })();
}

export function valueHistory(tx: Tx, input: MethodInput<'value.history'>): ChangeLogEntry[] {
  getKpi(tx.db, input.kpiId, 'kpiId');
  return tx.changes.valueHistory(input.kpiId, input.period);
}
