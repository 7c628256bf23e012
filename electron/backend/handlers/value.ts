import { ApiError, type FieldIssue } from '@shared/api/errors';
import type { Kpi } from '@shared/domain/entities';
import { findKpi, getKpi } from '../store/kpis';
import { getScorecard } from '../store/records';
import { entryProblem, ValueWriter } from '../store/value-writer';
import { listValues } from '../store/values';
import { validationError } from '../validation';
import type { HandlerContext } from '../context';
import type { HandlerGroup } from './types';

// Values per KPI and period, with comments and a history kept in the change log.

/** Issues beyond this many are left out of one error: nobody reads the 5,000th. */
const MAX_ISSUES = 50;

function writer(ctx: HandlerContext): ValueWriter {
  const { db, changes } = ctx.workspace();
  return new ValueWriter(db, changes, ctx.options.userName, ctx.now());
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

export const valueHandlers = {
  'value.list': (input, ctx) => {
    const { db } = ctx.workspace();
    if (input.scorecardId !== undefined) getScorecard(db, input.scorecardId, 'scorecardId');
    return listValues(db, input);
  },

  'value.set': (input, ctx) => {
    const { db } = ctx.workspace();
    return db.transaction(() => {
      const kpi = getKpi(db, input.kpiId, 'kpiId');
      checkPeriod(kpi, input.period, 'period');
      return writer(ctx).set(input);
    })();
  },

  'value.setMany': (input, ctx) => {
    const { db } = ctx.workspace();
    return db.transaction(() => {
      // Check every entry before writing any, so the error lists all the bad cells at once.
      const kpis = new Map<string, Kpi | null>();
      const seen = new Map<string, number>();
      const issues: FieldIssue[] = [];
      input.entries.forEach((entry, index) => {
        if (issues.length >= MAX_ISSUES) return;
        if (!kpis.has(entry.kpiId)) kpis.set(entry.kpiId, findKpi(db, entry.kpiId));
        const kpi = kpis.get(entry.kpiId);
        if (!kpi) {
          issues.push({
            field: `entries.${index}.kpiId`,
            message: `No KPI with id ${entry.kpiId}`,
          });
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
      const values = writer(ctx);
      return input.entries.map((entry) => values.set(entry));
    })();
  },

  'value.setComment': (input, ctx) => {
    const { db } = ctx.workspace();
    return db.transaction(() => {
      const kpi = getKpi(db, input.kpiId, 'kpiId');
      const values = writer(ctx);
      const before = values.get(input.kpiId, input.period);
      if (!before) throw missingValue(kpi, input.period);
      return values.set({ ...before, comment: input.comment });
    })();
  },

  'value.delete': (input, ctx) => {
    const { db } = ctx.workspace();
    db.transaction(() => {
      const kpi = getKpi(db, input.kpiId, 'kpiId');
      const values = writer(ctx);
      const before = values.get(input.kpiId, input.period);
      if (!before) throw missingValue(kpi, input.period);
      values.remove(before);
    })();
    return null;
  },

  'value.history': (input, ctx) => {
    const workspace = ctx.workspace();
    getKpi(workspace.db, input.kpiId, 'kpiId');
    return workspace.changes.valueHistory(input.kpiId, input.period);
  },
} satisfies HandlerGroup;
