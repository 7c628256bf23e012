import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withScorecard } from './helpers';

// Two values of 1.7e308 in one quarter: the API refuses them on entry; a file that already
// holds them (written before the limit, or by another program) evaluates to "too large" for the
// quarter rather than to a silent "no data".

describe('values that overflow when summed', () => {
  it('refuses a value beyond 1e300 with a message naming the field, and stores nothing', async () => {
    const t = await withScorecard();
    const kpi = await t.call('kpi.create', { objectiveId: t.objective.id, name: 'Revenue' });
    const error = await t.fail('value.set', { kpiId: kpi.id, period: '2026-01', value: 1.7e308 });
    expect(error).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('Value must be between -1e300 and 1e300') as string,
    });
    const grid = await t.call('scorecard.evaluate', {
      id: t.scorecard.id,
      view: { frequency: 'month', basis: 'calendar' },
      period: '2026-01',
    });
    expect(grid.perspectives[0]?.objectives[0]?.kpis[0]?.evaluation.value).toBeNull();
  });

  it('refuses a target beyond 1e300 too, so summed targets cannot overflow either', async () => {
    const t = await withScorecard();
    const error = await t.fail('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Revenue',
      target: 1e301,
    });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'target' });
    expect(error.message).toContain('must be between -1e300 and 1e300');
    expect(await t.call('kpi.list', {})).toEqual([]);
  });

  it('evaluates a file holding two 1.7e308 values as too large for the quarter', async () => {
    const t = await withScorecard();
    const kpi = await t.call('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Revenue',
      target: 100,
    });
    await t.call('workspace.close', {});
    const db = new Database(t.workspace.path);
    const insert = db.prepare(
      "INSERT INTO kpi_values (kpi_id, period, value, entered_at) VALUES (?, ?, ?, '2026-01-01')",
    );
    insert.run(kpi.id, '2026-01', 1.7e308);
    insert.run(kpi.id, '2026-02', 1.7e308);
    db.close();
    await t.call('workspace.open', { path: t.workspace.path });
    const quarter = await t.call('scorecard.evaluate', {
      id: t.scorecard.id,
      view: { frequency: 'quarter', basis: 'calendar' },
      period: '2026-Q1',
    });
    const evaluation = quarter.perspectives[0]?.objectives[0]?.kpis[0]?.evaluation;
    expect(evaluation).toMatchObject({ value: null, tooLarge: true });
  });
});
