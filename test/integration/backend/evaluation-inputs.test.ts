import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { shiftPeriod } from '@shared/domain/period';
import { valueWindows } from '@shared/scoring/evaluate-kpis';
import { readEvaluationInputs } from '../../../electron/backend/store/evaluation-inputs';
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
});
