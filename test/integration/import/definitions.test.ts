import { describe, expect, it } from 'vitest';
import { guessDefinitionColumns } from '@shared/transfer/definition-rows';
import { withScorecard } from '../backend/helpers';
import { writeFile } from './helpers';

// KPI definitions from a spreadsheet: the dry run says what each row would do and why a row
// cannot be imported; applying writes the good rows in one transaction.

const CSV =
  'KPI,Perspective,Objective,Unit,Direction,Frequency,Target,Owner\n' +
  'Footfall,Customer,Grow visits,members,higher is better,monthly,1200,Ana\n' +
  'revenue,,,EUR,,,"15,000",Maria\n' +
  'Unsold bread,Internal Process,Waste less,%,lower,Monthly,4,Tom\n' +
  'Mystery,,,,,,,\n' +
  'Bad target,Financial,Grow revenue,,,,lots,\n' +
  'Footfall,Customer,Grow visits,,,,,\n' +
  'Within band,Financial,Grow revenue,,within range,,,\n' +
  'Odd,Financial,Grow revenue,,sideways,,,\n';

describe('importing KPI definitions', () => {
  it('shows a dry run, then creates and updates KPIs and their structure', async () => {
    const t = await withScorecard();
    const revenue = await t.call('kpi.create', { objectiveId: t.objective.id, name: 'Revenue' });
    const path = writeFile(t, 'kpis.csv', CSV);
    const preview = await t.call('import.inspect', { path, locale: 'en-GB' });
    const columns = guessDefinitionColumns(preview.rows[0]?.cells ?? []);
    expect(columns).toEqual({
      name: 0,
      perspective: 1,
      objective: 2,
      unit: 3,
      direction: 4,
      frequency: 5,
      target: 6,
      owner: 7,
      supports: null,
    });
    const params = {
      path,
      sheet: null,
      format: preview.format,
      headerLine: 1,
      columns,
      numberLocale: 'en-GB',
      scorecardId: t.scorecard.id,
    };
    const dry = await t.call('import.definitions', { ...params, apply: false });
    expect(dry).toMatchObject({ applied: false, created: 2, updated: 1, unchanged: 0 });
    expect(dry.problems.map((p) => `${p.where}: ${p.message}`)).toEqual([
      'line 5: Mystery is a new KPI; give its perspective and objective',
      'line 6, column 7: the target "lots" is not a number',
      'line 7, column 1: Footfall is already defined at line 2; this row is left out',
      'line 8: Target min: A within-range KPI needs the lowest value of its target range (and 1 more problem)',
      'line 9, column 5: "sideways" is not a direction (write higher is better, lower is better or within range)',
    ]);
    // The dry run wrote nothing.
    expect((await t.call('kpi.list', {})).map((k) => k.name)).toEqual(['Revenue']);

    const done = await t.call('import.definitions', { ...params, apply: true });
    expect(done).toMatchObject({ applied: true, created: 2, updated: 1, problemCount: 5 });
    const kpis = await t.call('kpi.list', {});
    expect(kpis.find((k) => k.name === 'Footfall')).toMatchObject({
      unit: { format: 'number', currency: null, suffix: 'members' },
      direction: 'higher_is_better',
      target: 1200,
      owner: 'Ana',
    });
    expect(kpis.find((k) => k.name === 'Unsold bread')).toMatchObject({
      unit: { format: 'percent' },
      direction: 'lower_is_better',
      target: 4,
    });
    expect(kpis.find((k) => k.id === revenue.id)).toMatchObject({
      unit: { format: 'currency', currency: 'EUR' },
      target: 15000,
      owner: 'Maria',
    });
    const view = await t.call('scorecard.evaluate', { id: t.scorecard.id });
    const customer = view.perspectives.find((p) => p.perspective.name === 'Customer');
    expect(customer?.objectives.map((o) => o.objective.name)).toContain('Grow visits');
    expect(
      view.perspectives.find((p) => p.perspective.name === 'Internal Process')?.objectives[0]
        ?.objective.name,
    ).toBe('Waste less');

    // The same file again changes nothing.
    const again = await t.call('import.definitions', { ...params, apply: true });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  it('refuses a file of values as a KPI list', async () => {
    const t = await withScorecard();
    const rows = ['KPI,Period,Value'];
    for (let i = 0; i < 20_100; i += 1) rows.push(`Revenue,2026-01,${i}`);
    const path = writeFile(t, 'values.csv', rows.join('\n'));
    const error = await t.fail('import.definitions', {
      path,
      sheet: null,
      format: null,
      headerLine: 1,
      columns: { name: 0 },
      numberLocale: 'en-GB',
      scorecardId: t.scorecard.id,
      apply: false,
    });
    expect(error.message).toMatch(/more than 20,000 rows/);
  });
});
