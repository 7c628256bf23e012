import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScorecardRows } from '@shared/domain/evaluation';
import { makeBackend, withScorecard } from '../backend/helpers';

// The KPI library and templates through the backend's one public face, on real workspace
// files: what a consultant sees after each step (the KPIs, their formulas and computed values),
// and that a refused step leaves the workspace exactly as it was.

function kpiValue(view: ScorecardRows, code: string): number | null | undefined {
  for (const perspective of view.perspectives)
    for (const objective of perspective.objectives)
      for (const { kpi, evaluation } of objective.kpis)
        if (kpi.code === code) return evaluation.value;
  return undefined;
}

describe('the KPI library', () => {
  it('lists at least 120 KPIs by department, each with its formula in library codes', async () => {
    const t = makeBackend();
    const catalogue = await t.call('library.list', {});
    expect(catalogue.kpis.length).toBeGreaterThanOrEqual(120);
    expect(catalogue.departments.map((d) => d.label)).toEqual(
      expect.arrayContaining(['Sales', 'Finance', 'SaaS', 'Chatbot and automation', 'Non-profit']),
    );
    const margin = catalogue.kpis.find((kpi) => kpi.code === 'net_profit_margin');
    expect(margin?.formula).toBe('net_profit / revenue * 100');
  });

  it('adds a calculated KPI with its missing inputs, which then computes', async () => {
    const t = await withScorecard();
    const { added } = await t.call('library.add', {
      objectiveId: t.objective.id,
      code: 'net_profit_margin',
      inputs: { net_profit: { action: 'add' }, revenue: { action: 'add' } },
    });
    expect(added.map((kpi) => kpi.code)).toEqual(['net_profit', 'revenue', 'net_profit_margin']);
    expect(added.every((kpi) => kpi.objectiveId === t.objective.id)).toBe(true);
    const revenue = added.find((kpi) => kpi.code === 'revenue');
    expect(revenue?.unit).toEqual({ format: 'currency', currency: 'EUR', suffix: '' });
    expect(revenue?.aggregation).toBe('sum');
    expect(added.at(-1)?.aggregation).toBe('average');
    for (const [code, value] of [
      ['revenue', 80_000],
      ['net_profit', 12_000],
    ] as const) {
      const kpi = added.find((each) => each.code === code);
      await t.call('value.set', { kpiId: kpi?.id ?? '', period: '2026-10', value });
    }
    const view = await t.call('scorecard.evaluate', { id: t.scorecard.id, period: '2026-10' });
    expect(kpiValue(view, 'net_profit_margin')).toBe(15);
  });

  it('takes the currency new KPIs start in from Settings', async () => {
    const t = await withScorecard();
    await t.call('settings.update', { currency: 'GBP' });
    const { added } = await t.call('library.add', { objectiveId: t.objective.id, code: 'revenue' });
    expect(added[0]?.unit.currency).toBe('GBP');
  });

  it('binds a missing input to a KPI the workspace already has', async () => {
    const t = await withScorecard();
    const sales = await t.call('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Sales',
      code: 'sales',
      unit: { format: 'currency', currency: 'EUR' },
    });
    const { added } = await t.call('library.add', {
      objectiveId: t.objective.id,
      code: 'net_profit_margin',
      inputs: { revenue: { action: 'bind', kpiId: sales.id }, net_profit: { action: 'add' } },
    });
    expect(added.map((kpi) => kpi.code)).toEqual(['net_profit', 'net_profit_margin']);
    expect(added.at(-1)?.formula).toBe('net_profit / sales * 100');
  });

  it('uses an input the workspace has under the same code without asking', async () => {
    const t = await withScorecard();
    await t.call('library.add', { objectiveId: t.objective.id, code: 'revenue' });
    await t.call('library.add', { objectiveId: t.objective.id, code: 'orders' });
    const { added } = await t.call('library.add', {
      objectiveId: t.objective.id,
      code: 'average_order_value',
    });
    expect(added.map((kpi) => kpi.formula)).toEqual(['revenue / orders']);
  });

  it('refuses a code clash naming the item, and adds nothing', async () => {
    const t = await withScorecard();
    await t.call('kpi.create', { objectiveId: t.objective.id, name: 'Turnover', code: 'revenue' });
    const before = await t.call('kpi.list', {});
    const error = await t.fail('library.add', { objectiveId: t.objective.id, code: 'revenue' });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(
      '"Revenue" cannot be added: the identifier "revenue" is already used by the KPI "Turnover" in this workspace. Nothing was added.',
    );
    expect(await t.call('kpi.list', {})).toEqual(before);
  });

  it('refuses a calculated KPI whose missing inputs were not decided, naming them', async () => {
    const t = await withScorecard();
    const error = await t.fail('library.add', {
      objectiveId: t.objective.id,
      code: 'net_profit_margin',
      inputs: { revenue: { action: 'add' } },
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain(
      'The formula of "Net profit margin" needs "Net profit" (net_profit)',
    );
    expect(await t.call('kpi.list', {})).toEqual([]);
  });
});

describe('scorecard templates', () => {
  const names = ['small-business', 'saas', 'services', 'non-profit', 'retail', 'hospitality'];

  it('lists the six shipped templates', async () => {
    const t = makeBackend();
    const list = await t.call('template.list', {});
    expect(list.map((template) => template.id)).toEqual(
      expect.arrayContaining(names.map((name) => `builtin:${name}`)),
    );
    const saas = list.find((template) => template.id === 'builtin:saas');
    expect(saas?.outline).toEqual([
      'Financial',
      'Customer',
      'Internal Process',
      'Learning & Growth',
    ]);
  });

  it.each(names)('makes a new workspace from %s with every KPI in place', async (name) => {
    const t = makeBackend();
    const list = await t.call('template.list', {});
    const summary = list.find((template) => template.id === `builtin:${name}`);
    const info = await t.call('template.createWorkspace', {
      templateId: `builtin:${name}`,
      name: 'Client Co',
      path: join(t.dir, 'client.kpis'),
    });
    expect(info.name).toBe('Client Co');
    expect(existsSync(join(t.dir, 'client.kpis'))).toBe(true);
    const [scorecard] = await t.call('scorecard.list', {});
    expect(scorecard?.name).toBe('Client Co');
    const kpis = await t.call('kpi.list', {});
    expect(kpis.length).toBe(summary?.kpis);
    expect(kpis.every((kpi) => kpi.target === null && kpi.owner === '')).toBe(true);
    const view = await t.call('scorecard.evaluate', { id: scorecard?.id ?? '' });
    const objectives = view.perspectives.flatMap((p) => p.objectives);
    expect(objectives.length).toBe(summary?.objectives);
    // The template's strategy map: each link joins two of its objectives, cause → effect.
    const template = JSON.parse(
      readFileSync(join(process.cwd(), 'resources', 'templates', `${name}.json`), 'utf8'),
    ) as { links: unknown[] };
    const links = await t.call('link.list', {});
    expect(links.length).toBe(template.links.length);
    const ids = new Set(objectives.map((entry) => entry.objective.id));
    for (const link of links) {
      expect(ids.has(link.fromObjectiveId)).toBe(true);
      expect(ids.has(link.toObjectiveId)).toBe(true);
    }
  });

  it.each(names)('opens %s with no health finding of the worst severity', async (name) => {
    const t = makeBackend();
    await t.call('template.createWorkspace', {
      templateId: `builtin:${name}`,
      name: 'Client Co',
      path: join(t.dir, 'client.kpis'),
    });
    const report = await t.call('health.check', {});
    // Owners and targets are the client's to set, so warnings remain; nothing is an error.
    expect(report.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(report.counts.error).toBe(0);
    expect(report.counts.warning).toBeGreaterThan(0);
  });

  it('adds a scorecard from a template to a workspace, renaming identifiers it already uses', async () => {
    const t = await withScorecard();
    await t.call('library.add', { objectiveId: t.objective.id, code: 'revenue' });
    const { scorecard, renamed } = await t.call('template.addScorecard', {
      templateId: 'builtin:small-business',
      parentId: t.scorecard.id,
      name: 'Shop',
    });
    expect(scorecard.parentId).toBe(t.scorecard.id);
    expect(renamed).toEqual([{ from: 'revenue', to: 'revenue_2' }]);
    const margin = (await t.call('kpi.list', { scorecardId: scorecard.id })).find(
      (kpi) => kpi.name === 'Net profit margin',
    );
    expect(margin?.formula).toBe('net_profit / revenue_2 * 100');
  });

  it('refuses a template that is not there', async () => {
    const t = makeBackend();
    const error = await t.fail('template.createWorkspace', {
      templateId: 'builtin:nope',
      name: 'X',
    });
    expect(error.code).toBe('NOT_FOUND');
    expect(t.logged).toEqual([]);
  });
});

describe("a consultant's own templates", () => {
  async function scorecardWithData() {
    const t = await withScorecard();
    const { added } = await t.call('library.add', {
      objectiveId: t.objective.id,
      code: 'win_rate',
      inputs: { deals_won: { action: 'add' }, opportunities_closed: { action: 'add' } },
    });
    const won = added.find((kpi) => kpi.code === 'deals_won');
    await t.call('kpi.update', { id: won?.id ?? '', patch: { owner: 'Maria Lopez', target: 12 } });
    await t.call('value.set', { kpiId: won?.id ?? '', period: '2026-10', value: 9 });
    await t.call('value.setComment', {
      kpiId: won?.id ?? '',
      period: '2026-10',
      comment: 'Maria on leave',
    });
    return t;
  }

  it('saves a scorecard without values, comments or names, keeping its design', async () => {
    const t = await scorecardWithData();
    const saved = await t.call('template.saveScorecard', {
      scorecardId: t.scorecard.id,
      name: 'Sales team',
    });
    expect(saved).toMatchObject({
      id: 'own:sales-team',
      source: 'own',
      kind: 'scorecard',
      kpis: 3,
    });
    const text = readFileSync(join(t.dataDir, 'templates', 'sales-team.json'), 'utf8');
    expect(text).not.toContain('Maria');
    expect(text).not.toContain('2026-10');
    expect(text).toContain('"target": 12');
    const withAll = await t.call('template.saveScorecard', {
      scorecardId: t.scorecard.id,
      name: 'Sales team',
      includePeople: true,
      includeValues: true,
    });
    expect(withAll.id).toBe('own:sales-team-2');
    const full = readFileSync(join(t.dataDir, 'templates', 'sales-team-2.json'), 'utf8');
    expect(full).toContain('Maria Lopez');
    expect(full).toContain('"2026-10": 9');
    expect(full).toContain('Maria on leave');
  });

  it('round-trips through a file into another computer and a new workspace', async () => {
    const t = await scorecardWithData();
    const second = await t.call('objective.create', {
      perspectiveId: t.perspectiveIds[1] ?? '',
      name: 'Happy customers',
    });
    await t.call('link.create', {
      fromObjectiveId: second.id,
      toObjectiveId: t.objective.id,
      label: 'loyal customers buy more',
    });
    const saved = await t.call('template.saveScorecard', {
      scorecardId: t.scorecard.id,
      name: 'Sales team',
    });
    const file = join(t.dir, 'shared.json');
    const exported = await t.call('template.export', {
      templateId: saved.id,
      destination: { kind: 'file', path: file },
    });
    expect(exported.path).toBe(file);

    const other = makeBackend();
    const imported = await other.call('template.import', { path: file });
    expect(imported).toMatchObject({ source: 'own', name: 'Sales team', kpis: 3 });
    await other.call('template.createWorkspace', {
      templateId: imported.id,
      name: 'New client',
      path: join(other.dir, 'new.kpis'),
    });
    const kpis = await other.call('kpi.list', {});
    expect(kpis.map((kpi) => [kpi.code, kpi.formula, kpi.target])).toEqual([
      ['deals_won', null, 12],
      ['opportunities_closed', null, null],
      ['win_rate', 'deals_won / opportunities_closed * 100', null],
    ]);
    expect(await other.call('value.list', {})).toEqual([]);
    const [link] = await other.call('link.list', {});
    const objectives = new Map(
      (
        await other.call('scorecard.evaluate', {
          id: (await other.call('scorecard.list', {}))[0]?.id ?? '',
        })
      ).perspectives
        .flatMap((p) => p.objectives)
        .map((entry) => [entry.objective.id, entry.objective.name]),
    );
    expect([
      objectives.get(link?.fromObjectiveId ?? ''),
      objectives.get(link?.toObjectiveId ?? ''),
      link?.label,
    ]).toEqual(['Happy customers', 'Grow revenue', 'loyal customers buy more']);
  });

  it('saves a KPI with its inputs and adds it to another objective', async () => {
    const t = await scorecardWithData();
    const winRate = (await t.call('kpi.list', {})).find((kpi) => kpi.code === 'win_rate');
    const saved = await t.call('template.saveKpi', { kpiId: winRate?.id ?? '', name: 'Win rate' });
    expect(saved.outline).toEqual(['Win rate', 'Deals won', 'Opportunities closed']);

    const other = makeBackend();
    const file = join(t.dir, 'win-rate.json');
    await t.call('template.export', {
      templateId: saved.id,
      destination: { kind: 'file', path: file },
    });
    const imported = await other.call('template.import', { path: file });
    await other.call('workspace.create', { name: 'B', path: join(other.dir, 'b.kpis') });
    const card = await other.call('scorecard.create', { name: 'B' });
    const view = await other.call('scorecard.evaluate', { id: card.id });
    const objective = await other.call('objective.create', {
      perspectiveId: view.perspectives[0]?.perspective.id ?? '',
      name: 'Sell better',
    });
    const { added } = await other.call('template.addKpi', {
      templateId: imported.id,
      objectiveId: objective.id,
    });
    const wrongKind = await other.fail('template.createWorkspace', {
      templateId: imported.id,
      name: 'C',
    });
    expect(wrongKind.message).toBe(
      '"Win rate" is a KPI template; add it to an objective, or choose a scorecard template.',
    );
    expect(added.map((kpi) => kpi.code).sort()).toEqual([
      'deals_won',
      'opportunities_closed',
      'win_rate',
    ]);
    const clash = await other.fail('template.addKpi', {
      templateId: imported.id,
      objectiveId: objective.id,
    });
    expect(clash.code).toBe('CONFLICT');
    expect(clash.message).toContain('"Win rate" cannot be added');
  });

  it('refuses a bad template file naming the item, and adds nothing', async () => {
    const t = makeBackend();
    const template = JSON.parse(
      readFileSync(join(process.cwd(), 'resources', 'templates', 'saas.json'), 'utf8'),
    ) as { scorecard: { perspectives: { objectives: { kpis: unknown[] }[] }[] } };
    template.scorecard.perspectives[1]?.objectives[0]?.kpis.push({ library: 'happiness' });
    const file = join(t.dir, 'bad.json');
    writeFileSync(file, JSON.stringify(template));
    const before = await t.call('template.list', {});
    const error = await t.fail('template.import', { path: file });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe(
      'The template file "bad.json" cannot be used: Objective "Keep customers" names the library KPI "happiness", which the KPI library does not have. Nothing was added.',
    );
    writeFileSync(
      file,
      '{"format":"kpi-scorecard-template","version":1,"kind":"kpi","name":"X","kpis":[{"name":"Y","code":"Bad code"}]}',
    );
    const schemaError = await t.fail('template.import', { path: file });
    expect(schemaError.message).toContain('KPI "Y" (Bad code) › Code: Identifier must start');
    writeFileSync(file, 'not json');
    expect((await t.fail('template.import', { path: file })).message).toContain('it is not JSON');
    expect(await t.call('template.list', {})).toEqual(before);
    expect(
      existsSync(join(t.dataDir, 'templates')) ? readdirSync(join(t.dataDir, 'templates')) : [],
    ).toEqual([]);
  });

  it('deletes an own template but never a shipped one', async () => {
    const t = makeBackend();
    mkdirSync(join(t.dataDir, 'templates'));
    const error = await t.fail('template.delete', { templateId: 'builtin:saas' });
    expect(error.message).toBe('The templates that come with the app cannot be deleted.');
  });
});
