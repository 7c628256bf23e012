import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeBackend, SAMPLE_FIXTURE, sha256 } from './helpers';

// workspace.openSample builds a fresh workspace file from the shipped JSON each time.

describe('workspace.openSample', () => {
  it('builds a new workspace from the sample and opens it, leaving the JSON untouched', async () => {
    const before = sha256(SAMPLE_FIXTURE);
    const t = makeBackend();
    const info = await t.call('workspace.openSample', {});
    expect(info).toMatchObject({
      name: 'Fixture Bakery',
      fiscalYearStartMonth: 4,
      path: join(t.workspacesDir, 'Fixture Bakery.kpis'),
    });
    expect(sha256(SAMPLE_FIXTURE)).toBe(before);

    const cards = await t.call('scorecard.list', {});
    expect(cards.map((c) => c.name)).toEqual(['Fixture Bakery', 'Sales team']);
    const company = cards[0]?.id ?? '';
    expect(cards[1]?.parentId).toBe(company);

    const view = await t.call('scorecard.evaluate', { id: company });
    expect(view.perspectives.map((p) => [p.perspective.name, p.perspective.weight])).toEqual([
      ['Financial', 2],
      ['Customer', 1],
      ['Internal Process', 1],
      ['Learning & Growth', 1],
    ]);
    expect(view.period).toBe('2026-03');
    const revenue = view.perspectives[0]?.objectives[0]?.kpis[0];
    expect(revenue).toMatchObject({
      kpi: { code: 'revenue' },
      evaluation: { value: 40000, target: 50000, status: 'off_track' },
    });
    const [march] = await t.call('value.list', {
      kpiIds: [revenue?.kpi.id ?? ''],
      fromPeriod: '2026-03',
    });
    expect(march).toMatchObject({ value: 40000, comment: 'dip: oven repair', enteredBy: 'Ana' });
    const quarter = await t.call('scorecard.evaluate', {
      id: company,
      view: { frequency: 'quarter' },
      period: '2026-Q1',
    });
    const complaints = quarter.perspectives[1]?.objectives[0]?.kpis[0];
    expect(complaints).toMatchObject({ evaluation: { value: 8, status: 'on_track' } });

    const kpis = await t.call('kpi.list', {});
    const byCode = new Map(kpis.map((k) => [k.code, k]));
    expect(byCode.get('regional_sales')?.parentKpiId).toBe(byCode.get('revenue')?.id);
    const history = await t.call('value.history', { kpiId: byCode.get('revenue')?.id ?? '' });
    expect(history).toHaveLength(3);

    // Opening the sample again makes another fresh copy beside the first.
    const second = await t.call('workspace.openSample', {});
    expect(second.path).toBe(join(t.workspacesDir, 'Fixture Bakery (2).kpis'));
    expect(second.id).not.toBe(info.id);
  });

  it('refuses a broken sample with FILE_ERROR and writes no workspace', async () => {
    const t = makeBackend();
    const broken = join(t.dir, 'broken.json');
    const sample = JSON.parse(readFileSync(SAMPLE_FIXTURE, 'utf8')) as {
      scorecards: {
        perspectives: { objectives: { kpis: { values: Record<string, number> }[] }[] }[];
      }[];
    };
    const kpi = sample.scorecards[1]?.perspectives[0]?.objectives[0]?.kpis[0];
    if (kpi) kpi.values['2026-13'] = 1;
    writeFileSync(broken, JSON.stringify(sample));
    const other = makeBackend({ dir: t.dir, samplePath: broken });
    const error = await other.fail('workspace.openSample', {});
    expect(error.code).toBe('FILE_ERROR');
    expect(error.message).toContain('KPI "revenue": 2026-13 is not a monthly period');
    expect(await other.call('workspace.listFiles', {})).toEqual([]);

    if (kpi) delete kpi.values['2026-13'];
    const complaints = sample.scorecards[1]?.perspectives[1]?.objectives[0]?.kpis[0];
    if (complaints) Object.assign(complaints, { code: 'revenue' });
    writeFileSync(broken, JSON.stringify(sample));
    const duplicate = await other.fail('workspace.openSample', {});
    expect(duplicate.code).toBe('FILE_ERROR');
    expect(duplicate.message).toContain('KPI "revenue": Identifier: "revenue" is already used');
    expect(await other.call('workspace.listFiles', {})).toEqual([]);

    writeFileSync(broken, '{"format": "something else"}');
    const invalid = await other.fail('workspace.openSample', {});
    expect(invalid.code).toBe('FILE_ERROR');
    expect(invalid.message).toContain('The sample workspace that came with the app cannot be used');
  });
});
