import Database from 'better-sqlite3';

import { describe, expect, it } from 'vitest';
import { makeBackend, withScorecard } from '../backend/helpers';

// The health check through the API on real workspace files: findings with severity and
// subject, fixing removes the finding, dismissals with a reason are kept in the file (and in
// its change log) across a reopen, and bad dismissals change nothing.

const NOW = () => new Date('2026-11-14T10:00:00Z');

describe('health check API', () => {
  it('finds what is wrong with a KPI and forgets it once fixed', async () => {
    const t = await withScorecard({ now: NOW });
    const kpi = await t.call('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Utilisation',
      unit: { format: 'percent', currency: null, suffix: '' },
      aggregation: 'sum',
    });
    const report = await t.call('health.check', {});
    const mine = report.findings.filter((f) => f.subject.id === kpi.id).map((f) => f.rule);
    expect(mine).toEqual(
      expect.arrayContaining([
        'ratio_summed',
        'no_owner',
        'no_target',
        'no_recent_data',
        'no_description',
      ]),
    );
    expect(report.findings[0]).toMatchObject({
      rule: 'ratio_summed',
      severity: 'error',
      subject: { kind: 'kpi', name: 'Utilisation' },
      scorecard: { name: 'Company' },
      objective: { name: 'Grow revenue' },
      fix: { kind: 'kpi_field', kpiId: kpi.id, field: 'aggregation' },
    });
    expect(report.counts.error).toBe(1);

    await t.call('kpi.update', { id: kpi.id, patch: { owner: 'Ana', aggregation: 'average' } });
    const after = await t.call('health.check', {});
    const rules = after.findings.filter((f) => f.subject.id === kpi.id).map((f) => f.rule);
    expect(rules).not.toContain('no_owner');
    expect(rules).not.toContain('ratio_summed');
    expect(after.counts.error).toBe(0);
  });

  it('keeps a dismissal with its reason in the file, logged, and can bring it back', async () => {
    const t = await withScorecard({ now: NOW });
    const path = t.workspace.path;
    const kpi = await t.call('kpi.create', { objectiveId: t.objective.id, name: 'Revenue' });
    const key = `no_owner:${kpi.id}`;
    const dismissal = await t.call('health.dismiss', { key, reason: '  The board owns it  ' });
    expect(dismissal).toMatchObject({ findingKey: key, reason: 'The board owns it' });
    await t.call('workspace.close', {});

    const file = new Database(path, { readonly: true });
    expect(
      file.prepare("SELECT operation FROM change_log WHERE entity = 'health_dismissal'").all(),
    ).toEqual([{ operation: 'insert' }]);
    file.close();

    await t.call('workspace.open', { path });
    const report = await t.call('health.check', {});
    expect(report.findings.map((f) => f.key)).not.toContain(key);
    expect(report.dismissed).toMatchObject([{ key, dismissal: { reason: 'The board owns it' } }]);

    await t.call('health.restore', { key });
    const restored = await t.call('health.check', {});
    expect(restored.findings.map((f) => f.key)).toContain(key);
    expect(restored.dismissed).toEqual([]);
  });

  it('refuses a dismissal without a reason, of an unknown finding, or twice, changing nothing', async () => {
    const t = await withScorecard({ now: NOW });
    const kpi = await t.call('kpi.create', { objectiveId: t.objective.id, name: 'Revenue' });
    const key = `no_owner:${kpi.id}`;
    expect(await t.fail('health.dismiss', { key, reason: ' ' })).toMatchObject({
      code: 'VALIDATION',
      field: 'reason',
    });
    expect(await t.fail('health.dismiss', { key: 'no_owner:nothing', reason: 'x' })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'key',
    });
    await t.call('health.dismiss', { key, reason: 'Agreed' });
    expect(await t.fail('health.dismiss', { key, reason: 'Again' })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('already dismissed') as unknown,
    });
    expect(await t.fail('health.restore', { key: 'no_target:nothing' })).toMatchObject({
      code: 'NOT_FOUND',
    });
    const report = await t.call('health.check', {});
    expect(report.dismissed.map((d) => d.dismissal.reason)).toEqual(['Agreed']);
  });

  it('announces a dismissal as a change of its own kind', async () => {
    const t = await withScorecard({ now: NOW });
    const kpi = await t.call('kpi.create', { objectiveId: t.objective.id, name: 'Revenue' });
    const events: unknown[] = [];
    t.backend.subscribe((event) => events.push(event));
    await t.call('health.dismiss', { key: `no_owner:${kpi.id}`, reason: 'Later' });
    expect(events).toContainEqual({
      name: 'changed',
      payload: { entities: ['health_dismissal'], scorecardIds: null },
    });
  });

  it('checks the sample with no finding of the worst severity', async () => {
    const t = makeBackend({ now: NOW });
    await t.call('workspace.openSample', {});
    const report = await t.call('health.check', {});
    expect(report.counts.error).toBe(0);
    expect(report.findings.length).toBeGreaterThan(0);
    for (const finding of report.findings) {
      expect(finding.message).toContain(finding.subject.name);
      expect(finding.scorecard).not.toBeNull();
    }
  });
});
