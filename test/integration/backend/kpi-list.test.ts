import { describe, expect, it } from 'vitest';
import { withScorecard } from './helpers';

// The KPI list (every KPI an evaluation reads) is read as arrays and seen through their columns
// (store/kpi-rows.ts, issue 19); a single KPI is read as a row. Both must give the KPI as
// written, every field of it.

describe('the KPI list', () => {
  it('gives every field of each KPI as written, as a single read does', async () => {
    const t = await withScorecard();
    const parent = await t.call('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Customer complaints',
      code: 'complaints',
      description: 'Written complaints, all channels',
      owner: 'Dana',
      dataSource: 'CRM export',
      unit: { format: 'currency', currency: 'EUR', suffix: '' },
      decimals: 2,
      direction: 'lower_is_better',
      frequency: 'quarterly',
      aggregation: 'sum',
      target: 50.25,
      baseline: 70,
      stretchTarget: 40,
      weight: 2.5,
      rollup: 'sum',
      thresholds: { mode: 'percent_of_target', onTrack: 105, atRisk: 120 },
    });
    const child = await t.call('kpi.create', {
      objectiveId: t.objective.id,
      parentKpiId: parent.id,
      name: 'Complaints by post',
      code: 'post',
      frequency: 'quarterly',
      unit: { format: 'currency', currency: 'EUR', suffix: '' },
      target: 5,
    });
    const listed = await t.call('kpi.list', {});
    expect(listed).toEqual([parent, child]);
    expect(await t.call('kpi.list', { scorecardId: t.scorecard.id })).toEqual([parent, child]);
    for (const kpi of listed) expect(await t.call('kpi.get', { id: kpi.id })).toEqual(kpi);
    expect(listed[0]).toMatchObject({
      description: 'Written complaints, all channels',
      unit: { format: 'currency', currency: 'EUR', suffix: '' },
      decimals: 2,
      weight: 2.5,
      thresholds: { mode: 'percent_of_target', onTrack: 105, atRisk: 120 },
    });
    expect(listed[1]?.parentKpiId).toBe(parent.id);
  });
});
