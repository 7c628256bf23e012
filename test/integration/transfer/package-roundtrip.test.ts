import { readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KpiPackage } from '@shared/transfer/package-schema';
import { makeBackend, tempDir, type TestBackend } from '../backend/helpers';
import { sampleWithEdits } from './export-helpers';

// Packages between workspace files: what one copy of the app writes, another imports exactly;
// what is broken, hostile or from the future is refused with the workspace left as it was.

function readJson(path: string): KpiPackage {
  return JSON.parse(readFileSync(path, 'utf8')) as KpiPackage;
}

const withoutTimestamp = ({ exportedAt: _ignored, ...rest }: KpiPackage) => rest;

async function exportPackage(t: TestBackend, name: string, scorecardId?: string) {
  const path = join(t.dir, name);
  const result = await t.call('export.package', {
    ...(scorecardId ? { scorecardId } : {}),
    destination: { kind: 'file', path },
  });
  return { path, result, pkg: readJson(path) };
}

/** Another machine: its own data folder and a workspace of its own already open. */
async function otherMachine(): Promise<TestBackend> {
  const t = makeBackend();
  await t.call('workspace.create', { name: 'Own work', path: join(t.dir, 'Own work.kpis') });
  return t;
}

describe('JSON package', () => {
  it('round-trips exactly through a new workspace', async () => {
    const source = await sampleWithEdits();
    const netMargin = source.kpi('net_profit_margin');
    await source.call('actionPlan.create', {
      kpiId: netMargin.id,
      title: 'Renegotiate the butter contract',
      owner: 'Ana',
      dueDate: '2026-12-15',
      status: 'in_progress',
      notes: '=cmd|" /C calc"!A0',
    });
    await source.call('actionPlan.create', {
      objectiveId: netMargin.objectiveId,
      title: 'Quarterly cost review',
    });
    await source.call('reminders.setDefaults', { enabled: true, graceDays: 5, timeOfDay: '08:30' });
    await source.call('reminders.setKpiOverride', { kpiId: netMargin.id, mode: 'off' });
    const [company] = await source.call('scorecard.list', {});
    await source.call('reminders.setReview', {
      scorecardId: company?.id ?? '',
      cadence: 'quarterly',
      startDate: '2026-01-09',
      prepare: 'Bring the cash-flow forecast',
    });
    const first = await exportPackage(source, 'bakery.json');
    expect(first.pkg.kpis.length).toBe(source.kpis.length);
    expect(first.pkg.reminderSettings).toMatchObject({
      defaults: { dataDueEnabled: true, graceDays: 5, timeOfDay: '08:30' },
      kpiOverrides: [{ kpiId: netMargin.id, mode: 'off' }],
      reviewSchedules: [{ cadence: 'quarterly', prepare: 'Bring the cash-flow forecast' }],
    });
    expect(first.pkg.actionPlans?.map((plan) => plan.title).sort()).toEqual([
      'Quarterly cost review',
      'Renegotiate the butter contract',
    ]);
    expect(first.pkg.values.length).toBeGreaterThan(300);

    const target = await otherMachine();
    const imported = await target.call('package.import', {
      into: 'new',
      path: first.path,
      workspacePath: join(target.dir, 'Bakery.kpis'),
    });
    expect(imported.workspace.name).toBe('Harbour Street Bakery & Café');
    expect(imported.workspace.path).toBe(join(target.dir, 'Bakery.kpis'));
    expect(imported.values).toBe(first.pkg.values.length);

    const second = await exportPackage(target, 'again.json');
    expect(withoutTimestamp(second.pkg)).toEqual(withoutTimestamp(first.pkg));
    expect(await target.call('reminders.settings', {})).toEqual(
      await source.call('reminders.settings', {}),
    );
    // The comments that look like formulas are data in a package, kept as typed.
    expect(second.pkg.values.map((v) => v.comment)).toContain(
      '=HYPERLINK("http://evil.example/steal","click me")',
    );
    // What the scorecard shows is the same too.
    const [card] = await target.call('scorecard.list', {});
    const [sourceCard] = await source.call('scorecard.list', {});
    const view = { frequency: 'quarter', basis: 'calendar' } as const;
    const a = await source.call('scorecard.evaluate', {
      id: sourceCard?.id ?? '',
      view,
      period: '2026-Q3',
    });
    const b = await target.call('scorecard.evaluate', {
      id: card?.id ?? '',
      view,
      period: '2026-Q3',
    });
    expect(b.own).toEqual(a.own);
    expect(b.cascaded).toEqual(a.cascaded);
  });

  it('imports one scorecard into the open workspace when nothing conflicts', async () => {
    const source = await sampleWithEdits();
    const cafes = (await source.call('scorecard.list', {})).find((s) => s.parentId !== null);
    if (!cafes) throw new Error('the sample has no child scorecard');
    const { path, pkg } = await exportPackage(source, 'cafes.json', cafes.id);
    expect(pkg.scope).toEqual({ kind: 'scorecard', scorecardId: cafes.id });
    expect(pkg.scorecards.map((s) => s.parentId)).toContain(null);

    const target = await otherMachine();
    const result = await target.call('package.import', { into: 'current', path });
    expect(result.workspace.name).toBe('Own work');
    const kpis = await target.call('kpi.list', {});
    expect(kpis.map((k) => k.code).sort()).toEqual(pkg.kpis.map((k) => k.code).sort());
    // Importing the same package again would duplicate it: refused, naming the conflict.
    const error = await target.fail('package.import', { into: 'current', path });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(`"${cafes.name}"`);
    expect(error.message).toMatch(/KPI code "\w+" is already used/);
    expect(await target.call('kpi.list', {})).toEqual(kpis);
  });

  describe('refusals leave everything as it was', () => {
    async function refused(mutate: (text: string, path: string) => void, into: 'new' | 'current') {
      const source = await sampleWithEdits();
      const { path } = await exportPackage(source, 'bakery.json');
      mutate(readFileSync(path, 'utf8'), path);
      const target = await otherMachine();
      const before = await exportPackage(target, 'before.json');
      const folder = tempDir();
      const error = await target.fail(
        'package.import',
        into === 'new' ? { into, path, workspacePath: join(folder, 'New.kpis') } : { into, path },
      );
      const after = await exportPackage(target, 'after.json');
      expect(withoutTimestamp(after.pkg)).toEqual(withoutTimestamp(before.pkg));
      expect(readdirSync(folder)).toEqual([]);
      expect((await target.call('workspace.current', {}))?.name).toBe('Own work');
      return error;
    }

    it('a package from a newer version', async () => {
      const error = await refused((text, path) => {
        writeFileSync(path, text.replace('"formatVersion": 2', '"formatVersion": 7'));
      }, 'new');
      expect(error.message).toMatch(/newer version of KPI Scorecard.*Nothing was imported/);
    });

    it('a package with a prototype-pollution key', async () => {
      const error = await refused((text, path) => {
        writeFileSync(
          path,
          text.replace('"scorecards": [', '"scorecards": [{"__proto__": {"isAdmin": true}},'),
        );
      }, 'current');
      expect(error.message).toContain('"__proto__"');
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });

    it('a malformed package', async () => {
      const error = await refused((text, path) => {
        writeFileSync(path, text.slice(0, text.length / 2));
      }, 'current');
      expect(error.message).toMatch(/not valid JSON.*Nothing was imported/);
    });

    it('an oversized package, without reading it', async () => {
      const error = await refused((_text, path) => {
        truncateSync(path, 200 * 1024 * 1024 + 1);
      }, 'new');
      expect(error.message).toContain('larger than 200 MiB');
    });

    it('a package whose formula names a KPI that exists nowhere', async () => {
      const error = await refused((text, path) => {
        const pkg = JSON.parse(text) as KpiPackage;
        const last = pkg.kpis.at(-1);
        if (!last) throw new Error('no KPIs');
        last.formula = 'revenue / no_such_kpi';
        last.rollup = 'manual';
        writeFileSync(path, JSON.stringify(pkg));
      }, 'new');
      expect(error.message).toContain('"no_such_kpi"');
    });
  });
});
