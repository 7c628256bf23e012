import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditSentence, valueSentence } from '@shared/domain/audit';
import { applyImport, dryRun, writeFile } from '../import/helpers';
import { withScorecard } from './helpers';

// The audit trail on a real workspace file: who changed what, filtered; the CSV a user opens in
// a spreadsheet; an earlier version of a value brought back, and that undone.

async function setup() {
  const t = await withScorecard();
  await t.call('settings.update', { userName: 'Maria' });
  const margin = await t.call('kpi.create', {
    objectiveId: t.objective.id,
    name: 'Net profit margin',
    unit: { format: 'percent' },
    decimals: 1,
  });
  await t.call('value.set', { kpiId: margin.id, period: '2026-10', value: 9.6 });
  await t.call('value.set', { kpiId: margin.id, period: '2026-10', value: 10.2 });
  const other = await t.call('scorecard.create', { name: 'Other' });
  const view = await t.call('scorecard.evaluate', { id: other.id });
  const goal = await t.call('objective.create', {
    perspectiveId: view.perspectives[0]?.perspective.id ?? '',
    name: 'Elsewhere',
  });
  const visits = await t.call('kpi.create', { objectiveId: goal.id, name: '=SUM(A1:A9)' });
  await t.call('value.set', { kpiId: visits.id, period: '2026-10', value: 40 });
  return { t, margin, other, visits };
}

describe('the audit trail', () => {
  it('says who changed which value from what to what, in words, with imports naming their file', async () => {
    const { t, margin } = await setup();
    const path = writeFile(t, 'sales.csv', 'KPI,Period,Value\nNet profit margin,2026-11,11.4\n');
    await applyImport(t, (await dryRun(t, path)).id);

    const page = await t.call('audit.list', { kpiId: margin.id, entity: 'value' });
    expect(page.total).toBe(3);
    expect(page.entries.map((entry) => valueSentence(entry, 'en-GB'))).toEqual([
      'Maria imported Nov 2026: 11.4% (from sales.csv)',
      'Maria changed Oct 2026 from 9.6% to 10.2%',
      'Maria entered Oct 2026: 9.6%',
    ]);
    const all = await t.call('audit.list', { kpiId: margin.id });
    expect(all.entries.map((entry) => auditSentence(entry, 'en-GB')).at(-1)).toBe(
      'Maria created the KPI "Net profit margin"',
    );
  });

  it('filters by scorecard, KPI, period, kind and time', async () => {
    const { t, margin, other, visits } = await setup();
    const names = async (filter: Record<string, unknown>) =>
      (await t.call('audit.list', filter)).entries.map((e) =>
        `${e.entity} ${e.name} ${e.period ?? ''}`.trim(),
      );

    expect(await names({ scorecardId: other.id, entity: 'value' })).toEqual([
      'value =SUM(A1:A9) 2026-10',
    ]);
    expect(await names({ scorecardId: t.scorecard.id, entity: 'value' })).toEqual([
      'value Net profit margin 2026-10',
      'value Net profit margin 2026-10',
    ]);
    expect(await names({ period: '2026-10', kpiId: visits.id })).toEqual([
      'value =SUM(A1:A9) 2026-10',
    ]);
    expect(await names({ entity: 'kpi' })).toEqual(['kpi =SUM(A1:A9)', 'kpi Net profit margin']);
    const everything = await t.call('audit.list', {});
    const newest = everything.entries[0]?.at ?? '';
    expect(
      await names({ from: '2000-01-01T00:00:00.000Z', to: '2000-01-02T00:00:00.000Z' }),
    ).toEqual([]);
    expect((await t.call('audit.list', { from: newest })).total).toBeGreaterThan(0);
    const page = await t.call('audit.list', { limit: 2, offset: 1 });
    expect(page.entries.map((e) => e.id)).toEqual(everything.entries.slice(1, 3).map((e) => e.id));
    expect(page.total).toBe(everything.total);

    const backwards = await t.fail('audit.list', { from: newest, to: '2000-01-01T00:00:00.000Z' });
    expect(backwards).toMatchObject({ code: 'VALIDATION', field: 'to' });
    const gone = await t.fail('audit.list', { kpiId: other.id });
    expect(gone).toMatchObject({ code: 'NOT_FOUND', field: 'kpiId' });
    expect(margin.id).not.toBe(visits.id);
  });

  it('exports the filtered trail as CSV with formula-like text neutralised', async () => {
    const { t, other } = await setup();
    const path = join(t.dir, 'audit.csv');
    const result = await t.call('audit.export', {
      scorecardId: other.id,
      locale: 'en-GB',
      destination: { kind: 'file', path },
    });
    expect(result.path).toBe(path);
    const lines = readFileSync(path, 'utf8')
      .replace(/^\uFEFF/u, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('When,Who,Kind,Change,What,Period,Before,After,From file,In words');
    expect(lines).toHaveLength(1 + (await t.call('audit.list', { scorecardId: other.id })).total);
    const value = lines.find((line) => line.includes(',value,'));
    expect(value).toMatch(
      /^\d{4}-\d\d-\d\dT[^,]+,Maria,value,created,'=SUM\(A1:A9\),2026-10,,40,,/u,
    );
  });

  it('restores an earlier version of a value as a new change, and undoes the restore', async () => {
    const { t, margin } = await setup();
    const history = (await t.call('audit.list', { kpiId: margin.id, entity: 'value' })).entries;
    const first = history.at(-1);
    const restored = await t.call('value.restore', { changeId: first?.id ?? '' });
    expect(restored.value?.value).toBe(9.6);
    const stored = async () => (await t.call('value.list', { kpiIds: [margin.id] }))[0]?.value;
    expect(await stored()).toBe(9.6);
    const after = (await t.call('audit.list', { kpiId: margin.id, entity: 'value' })).entries;
    expect(after).toHaveLength(3);
    const [latest] = after;
    if (!latest) throw new Error('the restore left no entry');
    expect(valueSentence(latest, 'en-GB')).toBe('Maria changed Oct 2026 from 10.2% to 9.6%');
    expect(after[0]?.id).toBe(restored.changeId);

    // Undo: the version before the restore.
    const undone = await t.call('value.restore', {
      changeId: restored.changeId ?? '',
      version: 'before',
    });
    expect(undone.value?.value).toBe(10.2);
    expect(await stored()).toBe(10.2);

    // The version before the first entry is "no value": restoring it deletes the value.
    await t.call('value.restore', { changeId: first?.id ?? '', version: 'before' });
    expect(await stored()).toBeUndefined();
    // Restoring what already is writes nothing.
    const same = await t.call('value.restore', { changeId: first?.id ?? '', version: 'before' });
    expect(same).toEqual({ value: null, changeId: null });

    const kpiEntry = (await t.call('audit.list', { entity: 'kpi' })).entries[0];
    expect(await t.fail('value.restore', { changeId: kpiEntry?.id ?? '' })).toMatchObject({
      code: 'VALIDATION',
      field: 'changeId',
    });
    expect(
      await t.fail('value.restore', { changeId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' }),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });
});
