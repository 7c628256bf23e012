import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FREQUENCIES } from '@shared/domain/kpi';
import { shiftPeriod } from '@shared/domain/period';
import { healthFindings, healthReport } from '@shared/health/check';
import { lastDuePeriods } from '@shared/health/kpi-rules';
import { MAX_KPIS_PER_OBJECTIVE, type HealthFinding } from '@shared/health/types';
import { inputs, kpi, objective, TODAY } from './factory';

// Each health rule on a healthy workspace broken in one place: the finding names what it
// concerns, has its severity and points at the fix; laws over many workspaces by fast-check.

const rulesOf = (findings: HealthFinding[]) => findings.map((f) => f.rule);

describe('health rules', () => {
  it('finds nothing in a healthy workspace', () => {
    expect(healthFindings(inputs([kpi('a'), kpi('b', { timing: 'lagging' })]))).toEqual([]);
  });

  it('no owner: a warning pointing at the owner field', () => {
    const [finding] = healthFindings(inputs([kpi('a', { name: 'Revenue', owner: '  ' })]));
    expect(finding).toMatchObject({
      key: 'no_owner:a',
      rule: 'no_owner',
      severity: 'warning',
      message: 'Revenue has no owner',
      subject: { kind: 'kpi', id: 'a', name: 'Revenue' },
      scorecard: { id: 'sc', name: 'Company' },
      perspective: { name: 'Customer' },
      objective: { name: 'Delight guests' },
      fix: { kind: 'kpi_field', kpiId: 'a', field: 'owner' },
    });
  });

  it('no target: neither a target, a plan nor a full range', () => {
    const none = kpi('a', { targetPlan: null });
    expect(rulesOf(healthFindings(inputs([none])))).toEqual(['no_target']);
    expect(healthFindings(inputs([{ ...none, target: 5 }]))).toMatchObject([
      { rule: 'target_no_deadline', severity: 'info', fix: { field: 'targetPlan' } },
    ]);
    const range = kpi('r', { targetPlan: null, direction: 'within_range', targetMin: 2 });
    expect(healthFindings(inputs([range]))[0]).toMatchObject({
      rule: 'no_target',
      advice: expect.stringContaining('range') as unknown,
    });
    expect(healthFindings(inputs([{ ...range, targetMax: 4 }])).map((f) => f.rule)).toEqual([
      'target_no_deadline',
    ]);
  });

  it('a percent summed over time is an error; a level summed a warning', () => {
    const percent = kpi('a', {
      name: 'Utilisation',
      unit: { format: 'percent', currency: null, suffix: '' },
      aggregation: 'sum',
    });
    expect(healthFindings(inputs([percent]))).toMatchObject([
      {
        rule: 'ratio_summed',
        severity: 'error',
        advice: expect.stringContaining('Average') as unknown,
        fix: { field: 'aggregation' },
      },
    ]);
    expect(healthFindings(inputs([{ ...percent, aggregation: 'average' }]))).toEqual([]);
    expect(healthFindings(inputs([kpi('h', { name: 'Headcount' })]))).toMatchObject([
      { rule: 'level_summed', severity: 'warning' },
    ]);
  });

  it('no data for three due periods points at the latest missing cell', () => {
    const a = kpi('a');
    const found = healthFindings(inputs([a], { periodsWithValue: new Map() }));
    expect(found).toMatchObject([
      {
        rule: 'no_recent_data',
        severity: 'warning',
        fix: { kind: 'grid_cell', kpiId: 'a', period: '2026-10' },
      },
    ]);
    // A calculated KPI's values are not entered: nothing to ask for.
    const calculated = kpi('c', { formula: 'k_a * 2' });
    const withInput = inputs([a, calculated]);
    expect(rulesOf(healthFindings({ ...withInput, periodsWithValue: new Map() }))).toEqual([
      'no_recent_data',
    ]);
  });

  it('law: a value in any of the last three ended periods, and only there, clears no-data', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FREQUENCIES),
        fc.date({ min: new Date('2001-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }),
        fc.integer({ min: -3, max: 3 }),
        (frequency, day, offset) => {
          const today = day.toISOString().slice(0, 10);
          const a = kpi('a', { frequency });
          const due = lastDuePeriods(a, today, 3);
          // offset 0…2: one of the due periods; 3: the one before them; negative: the current
          // period (not yet ended) or later.
          const period =
            offset >= 0
              ? (lastDuePeriods(a, today, 4)[offset] as string)
              : shiftPeriod(frequency, due[0] as string, -offset);
          const periods = new Set([period]);
          const found = healthFindings(
            inputs([a], { today, periodsWithValue: new Map([['a', periods]]) }),
          ).some((f) => f.rule === 'no_recent_data');
          expect(found).toBe(!(offset >= 0 && offset < 3));
        },
      ),
    );
  });

  it('law: KPIs of every frequency checked together are each flagged as they would be alone', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2001-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }),
        fc.array(fc.tuple(fc.constantFrom(...FREQUENCIES), fc.integer({ min: 0, max: 4 })), {
          minLength: 2,
          maxLength: 8,
        }),
        (day, specs) => {
          const today = day.toISOString().slice(0, 10);
          const kpis = specs.map(([frequency], i) => kpi(`k${String(i)}`, { frequency }));
          // Each KPI has one value, `back` periods before its current one (0: not yet ended).
          const periodsWithValue = new Map(
            specs.map(([frequency, back], i) => [
              `k${String(i)}`,
              new Set([
                back === 0
                  ? shiftPeriod(frequency, lastDuePeriods({ frequency }, today, 1)[0] as string, 1)
                  : (lastDuePeriods({ frequency }, today, back)[back - 1] as string),
              ]),
            ]),
          );
          const flagged = (findings: HealthFinding[]) =>
            findings.filter((f) => f.rule === 'no_recent_data').map((f) => f.subject.id);
          const together = flagged(healthFindings(inputs(kpis, { today, periodsWithValue })));
          const alone = kpis.flatMap((one) =>
            flagged(healthFindings(inputs([one], { today, periodsWithValue }))),
          );
          expect(together).toEqual(alone);
          expect(together).toEqual(
            specs.flatMap(([, back], i) => (back === 0 || back === 4 ? [`k${String(i)}`] : [])),
          );
        },
      ),
    );
  });

  it('law: an objective is flagged exactly when it has no KPI or more than five', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), (count) => {
        const kpis = Array.from({ length: count }, (_, i) => kpi(String(i)));
        const rules = rulesOf(healthFindings(inputs(kpis)));
        expect(rules.includes('objective_no_kpis')).toBe(count === 0);
        expect(rules.includes('objective_too_many_kpis')).toBe(count > MAX_KPIS_PER_OBJECTIVE);
      }),
    );
    expect(healthFindings(inputs([]))).toMatchObject([
      {
        rule: 'objective_no_kpis',
        subject: { kind: 'objective', id: objective.id },
        fix: { kind: 'new_kpi', objectiveId: objective.id },
      },
    ]);
  });

  it('a perspective with KPIs but none leading gets an info pointing at a KPI timing', () => {
    expect(healthFindings(inputs([kpi('a', { timing: 'lagging' })]))).toMatchObject([
      {
        rule: 'perspective_no_leading',
        severity: 'info',
        subject: { kind: 'perspective', id: 'p1', name: 'Customer' },
        fix: { kind: 'kpi_field', kpiId: 'a', field: 'timing' },
      },
    ]);
  });

  it('no description is an info at the description field', () => {
    expect(healthFindings(inputs([kpi('a', { description: ' ' })]))).toMatchObject([
      { rule: 'no_description', severity: 'info', fix: { field: 'description' } },
    ]);
  });

  it('law: names equal but for case and spacing give one finding per extra KPI', () => {
    const name = fc.constantFrom('Revenue', 'revenue ', 'Re venue', 'NPS', 'nps', 'Churn');
    fc.assert(
      fc.property(fc.array(name, { maxLength: 5 }), (names) => {
        const kpis = names.map((n, i) => kpi(String(i), { name: n }));
        const duplicates = healthFindings(inputs(kpis)).filter((f) => f.rule === 'duplicate_name');
        const distinct = new Set(names.map((n) => n.trim().replace(/\s+/g, ' ').toLowerCase()));
        expect(duplicates).toHaveLength(names.length - distinct.size);
      }),
    );
    const [dup] = healthFindings(
      inputs([kpi('a', { name: 'NPS' }), kpi('b', { name: ' nps' })]),
    ).filter((f) => f.rule === 'duplicate_name');
    expect(dup).toMatchObject({
      subject: { id: 'b' },
      message: ' nps has the same name as a KPI in Company › Customer › Delight guests',
      fix: { field: 'name' },
    });
  });

  it('a formula over inputs of different frequencies is an error naming them', () => {
    const revenue = kpi('r', { name: 'Revenue', code: 'revenue' });
    const visits = kpi('v', { name: 'Visits', code: 'visits', frequency: 'weekly' });
    const per = kpi('x', {
      name: 'Revenue per visit',
      formula: 'revenue / visits',
      aggregation: 'average',
    });
    const found = healthFindings(inputs([revenue, visits, per]));
    expect(found[0]).toMatchObject({
      rule: 'formula_mixed_frequencies',
      severity: 'error',
      message: "Revenue per visit's formula mixes frequencies (Revenue monthly; Visits weekly)",
      fix: { kind: 'kpi_field', kpiId: 'x', field: 'formula' },
    });
    const same = { ...visits, frequency: 'monthly' as const };
    expect(rulesOf(healthFindings(inputs([revenue, same, per])))).not.toContain(
      'formula_mixed_frequencies',
    );
  });

  it('a formula naming a code no KPI has (its input deleted on another laptop) is an error naming it', () => {
    const revenue = kpi('r', { name: 'Revenue', code: 'revenue' });
    const margin = kpi('m', { name: 'Margin', formula: 'revenue - costs' });
    const found = healthFindings(inputs([revenue, margin]));
    expect(found.find((f) => f.rule === 'formula_unknown_input')).toMatchObject({
      key: 'formula_unknown_input:m',
      severity: 'error',
      message: "Margin's formula names costs, which no KPI has (deleted?)",
      fix: { kind: 'kpi_field', kpiId: 'm', field: 'formula' },
    });
    const costs = kpi('c', { name: 'Costs', code: 'costs' });
    expect(rulesOf(healthFindings(inputs([revenue, costs, margin])))).not.toContain(
      'formula_unknown_input',
    );
  });

  it('lists errors, then warnings, then infos', () => {
    const found = healthFindings(
      inputs([
        kpi('a', { description: '', owner: '' }),
        kpi('b', { unit: { format: 'percent', currency: null, suffix: '' } }),
      ]),
    );
    expect(found.map((f) => f.severity)).toEqual(['error', 'warning', 'info']);
  });
});

describe('dismissals', () => {
  it('law: open and dismissed findings partition the findings; counts add up to the open', () => {
    const all = healthFindings(
      inputs(
        [kpi('a', { owner: '', description: '' }), kpi('b', { targetPlan: null, owner: '' })],
        { periodsWithValue: new Map() },
      ),
    );
    fc.assert(
      fc.property(fc.subarray(all), fc.boolean(), (chosen, stale) => {
        const dismissals = chosen.map((f, i) => ({
          id: String(i),
          findingKey: f.key,
          reason: 'ok',
          dismissedAt: `${TODAY}T00:00:00Z`,
        }));
        if (stale)
          dismissals.push({ id: 'x', findingKey: 'no_owner:gone', reason: 'r', dismissedAt: '' });
        const report = healthReport(all, dismissals);
        expect(report.dismissed.map((f) => f.key)).toEqual(chosen.map((f) => f.key));
        expect(report.findings.length + report.dismissed.length).toBe(all.length);
        const { error, warning, info } = report.counts;
        expect(error + warning + info).toBe(report.findings.length);
      }),
    );
  });
});
