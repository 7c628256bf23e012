import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { shiftPeriod } from '@shared/domain/period';
import { valueWindows } from '@shared/scoring/evaluate-kpis';
import {
  readEvaluationInputs,
  readPeriods,
  readWindowNumbers,
} from '../../../electron/backend/store/evaluation-inputs';
import { withScorecard } from './helpers';

// The values an evaluation reads from the workspace file (issue 19): only each KPI's window,
// with its latest period beside it. They must be exactly the whole history cut to the window,
// whether a KPI's values lie before, in, after the window or nowhere.

const months = (from: string, count: number) =>
  Array.from({ length: count }, (_, i) => shiftPeriod('monthly', from, i));

describe('the values read for an evaluation', () => {
  it('are the whole history cut to the window, with each KPI’s latest period', async () => {
    const t = await withScorecard();
    const histories = [
      months('2024-01', 36), // through the window and past it
      months('2020-01', 6), // all before the window
      [], // none
      ['2026-11', '2027-05'], // in the window and in the future
      months('2026-12', 3), // all after the window
    ];
    for (const [i, periods] of histories.entries()) {
      const kpi = await t.call('kpi.create', {
        objectiveId: t.objective.id,
        name: `KPI ${i}`,
        code: `k${i}`,
        target: 100,
      });
      if (periods.length > 0)
        await t.call('value.setMany', {
          entries: periods.map((period, p) => ({ kpiId: kpi.id, period, value: 10 * i + p })),
        });
    }
    await t.call('workspace.close', {});
    const db = new Database(t.workspace.path, { readonly: true });
    try {
      const view = { frequency: 'month', basis: 'calendar', fiscalYearStartMonth: 1 } as const;
      const windows = valueWindows({ view, bucket: '2026-10', sparklineLength: 12 });
      const window = windows.get('monthly');
      if (!window) throw new Error('a monthly window');
      const whole = readEvaluationInputs(db);
      const cut = readEvaluationInputs(db, windows);
      expect(cut.kpis).toHaveLength(histories.length);
      for (const kpi of whole.kpis) {
        const all = whole.values.get(kpi.id) ?? [];
        const inWindow = all.filter(
          (entry) => entry.period >= window.from && entry.period <= window.to,
        );
        expect(cut.values.get(kpi.id)).toEqual(inWindow.length > 0 ? inWindow : undefined);
        expect(cut.latestPeriods?.get(kpi.id)).toBe(all.at(-1)?.period);
      }
      // The KPI with values after the window only: none read, its latest period known.
      const after = whole.kpis[4];
      expect(cut.values.has(after?.id ?? '')).toBe(false);
      expect(cut.latestPeriods?.get(after?.id ?? '')).toBe('2027-02');
    } finally {
      db.close();
    }
  });

  it('are the same when paired with the periods read beforehand, to the last digit', async () => {
    const t = await withScorecard();
    const quarters = (from: string, count: number) =>
      Array.from({ length: count }, (_, i) => shiftPeriod('quarterly', from, i));
    const kpis = [
      { frequency: 'monthly', periods: months('2024-01', 36) },
      { frequency: 'monthly', periods: months('2020-01', 6) },
      { frequency: 'monthly', periods: [] },
      { frequency: 'quarterly', periods: quarters('2023-Q1', 12) },
      { frequency: 'quarterly', periods: quarters('2027-Q1', 2) },
      { frequency: 'monthly', periods: ['2026-11', '2027-05'] },
    ] as const;
    // Numbers that a text round trip would change, and the extremes.
    const numbers = [0.1 + 0.2, -1e-300, 9.999999999999999e299, 5e-324, 1 / 3, -0, 123456.789];
    for (const [i, { frequency, periods }] of kpis.entries()) {
      const kpi = await t.call('kpi.create', {
        objectiveId: t.objective.id,
        name: `KPI ${i}`,
        code: `k${i}`,
        target: 100,
        frequency,
      });
      if (periods.length > 0)
        await t.call('value.setMany', {
          entries: periods.map((period, p) => ({
            kpiId: kpi.id,
            period,
            value: numbers[(i + p) % numbers.length] as number,
          })),
        });
    }
    await t.call('workspace.close', {});
    const db = new Database(t.workspace.path, { readonly: true });
    try {
      const view = { frequency: 'month', basis: 'calendar', fiscalYearStartMonth: 1 } as const;
      const periods = readPeriods(db);
      // Each KPI's periods, oldest first.
      for (const [i, { periods: entered }] of kpis.entries()) {
        const id = readEvaluationInputs(db).kpis[i]?.id ?? '';
        expect(periods.byKpi.get(id)).toEqual(entered.length > 0 ? [...entered] : undefined);
      }
      for (const bucket of ['2026-10', '2025-03', '2019-12', '2027-06']) {
        const windows = valueWindows({ view, bucket, sparklineLength: 12 });
        const read = readEvaluationInputs(db, windows);
        // Paired, not read anew (readEvaluationInputs falls back to reading anew).
        const paired = readWindowNumbers(db, read.kpis, windows, periods);
        if (paired === null) throw new Error('the numbers did not line up with the periods');
        expect(paired.values).toEqual(read.values);
        expect(paired.latestPeriods).toEqual(read.latestPeriods);
        for (const [kpiId, values] of read.values)
          for (const [p, entry] of values.entries())
            expect(Object.is(paired.values.get(kpiId)?.[p]?.value, entry.value)).toBe(true);
      }
    } finally {
      db.close();
    }
  });
});
