import { describe, expect, it } from 'vitest';
import { ATTENTION_LISTED } from '@shared/dashboard/types';
import { makeBackend } from '../backend/helpers';

// dashboard.get on the sample workspace: the statuses are the scorecard view's own, an
// entered value leaves the due list, a plan due soon shows, and bad input changes nothing.

const NOW = () => new Date('2026-12-06T10:00:00Z');

describe('dashboard API', () => {
  it('agrees with the scorecard view and follows what the user enters', async () => {
    const t = makeBackend({ now: NOW });
    await t.call('workspace.openSample', {});
    const [company] = await t.call('scorecard.list', {});
    if (!company) throw new Error('the sample has no scorecard');
    const view = await t.call('scorecard.evaluate', { id: company.id });
    const params = { scorecardId: company.id, timeZone: 'Europe/Berlin' };
    const board = await t.call('dashboard.get', params);

    expect(board.period).toBe(view.period);
    const kpis = view.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis));
    const offTrack = kpis.filter((k) => k.evaluation.status === 'off_track');
    expect(board.counts.off_track).toBe(offTrack.length);
    // The tile lists the first few; the total counts every KPI off track or at risk.
    const atRisk = kpis.filter((k) => k.evaluation.status === 'at_risk');
    expect(board.attentionTotal).toBe(offTrack.length + atRisk.length);
    expect(board.attention).toHaveLength(Math.min(ATTENTION_LISTED, board.attentionTotal));
    expect(
      board.attention
        .filter((row) => row.status === 'off_track')
        .map((r) => r.kpiId)
        .sort(),
    ).toEqual(offTrack.map((k) => k.kpi.id).sort());
    for (const row of board.attention) {
      const same = kpis.find((k) => k.kpi.id === row.kpiId);
      expect(row).toMatchObject({
        value: same?.evaluation.value,
        target: same?.evaluation.target,
        owner: same?.kpi.owner,
      });
    }
    expect(board.health.error + board.health.warning + board.health.info).toBe(
      (await t.call('health.check', {})).findings.length,
    );

    const due = board.due[0];
    if (!due) throw new Error('the sample has no value due');
    await t.call('value.set', { kpiId: due.kpiId, period: due.period, value: 1 });
    const after = await t.call('dashboard.get', params);
    expect(after.dueTotal).toBe(board.dueTotal - 1);
    expect(after.due).not.toContainEqual(due);

    const plan = await t.call('actionPlan.create', {
      kpiId: due.kpiId,
      objectiveId: null,
      title: 'Call the supplier',
      dueDate: '2026-12-10',
    });
    const withPlan = await t.call('dashboard.get', params);
    expect(withPlan.actionPlans).toContainEqual({
      plan,
      subjectName: due.kpiName,
      overdue: false,
    });
  });

  it('refuses a period that is not of the view, naming it', async () => {
    const t = makeBackend({ now: NOW });
    await t.call('workspace.openSample', {});
    const [company] = await t.call('scorecard.list', {});
    const error = await t.fail('dashboard.get', {
      scorecardId: company?.id,
      timeZone: 'UTC',
      view: { frequency: 'quarter' },
      period: '2026-03',
    });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'period' });
  });
});
