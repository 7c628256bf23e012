import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kpiDefinitionSchema } from '@shared/api/schemas';
import { defaultThresholds } from '@shared/domain/kpi';
import { isPeriodKey } from '@shared/domain/period';
import { statusOf } from '@shared/domain/status';
import { sampleWorkspaceSchema } from '@shared/sample/schema';

// The shipped sample is what a first start shows: it must load, and it must show a business
// with something off track and something at risk, as the README and the e2e tests say.

const sample = sampleWorkspaceSchema.parse(
  JSON.parse(
    readFileSync(
      new URL('../../../resources/sample/sample-workspace.json', import.meta.url),
      'utf8',
    ),
  ),
);
const kpis = sample.scorecards.flatMap((card) =>
  card.perspectives.flatMap((perspective) =>
    perspective.objectives.flatMap((objective) => objective.kpis),
  ),
);

describe('the sample workspace', () => {
  it('is a small business of 20–25 KPIs with unique identifiers and real parents', () => {
    expect(kpis.length).toBeGreaterThanOrEqual(20);
    expect(kpis.length).toBeLessThanOrEqual(25);
    const codes = new Set(kpis.map((kpi) => kpi.code));
    expect(codes.size).toBe(kpis.length);
    for (const kpi of kpis) if (kpi.parent) expect(codes).toContain(kpi.parent);
  });

  it('has valid definitions and period keys of each KPI frequency', () => {
    for (const { values, comments, parent, ...definition } of kpis) {
      expect(kpiDefinitionSchema.safeParse(definition).success).toBe(true);
      for (const period of [...Object.keys(values), ...Object.keys(comments)]) {
        expect(isPeriodKey(definition.frequency, period)).toBe(true);
      }
    }
  });

  it('shows off-track and at-risk KPIs in its latest period', () => {
    const statuses = kpis.map((kpi) => {
      const periods = Object.keys(kpi.values).sort();
      const latest = periods[periods.length - 1];
      return statusOf({
        value: latest === undefined ? null : (kpi.values[latest] ?? null),
        direction: kpi.direction,
        target: kpi.target,
        targetMin: kpi.targetMin,
        targetMax: kpi.targetMax,
        thresholds: kpi.thresholds ?? defaultThresholds(kpi.direction),
      });
    });
    const count = (status: string) => statuses.filter((s) => s === status).length;
    expect(count('off_track')).toBeGreaterThanOrEqual(3);
    expect(count('at_risk')).toBeGreaterThanOrEqual(2);
    expect(count('on_track')).toBeGreaterThan(kpis.length / 2);
  });
});
