import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { withScorecard, type TestBackend } from '../backend/helpers';
import { applyImport, dryRun, waitFor, writeFile } from './helpers';

// Importing values from CSV files as people have them, on real workspace files, through the
// real worker thread.

async function setup() {
  const t = await withScorecard();
  const kpi = (name: string, extra: Record<string, unknown> = {}) =>
    t.call('kpi.create', { objectiveId: t.objective.id, name, ...extra });
  const revenue = await kpi('Revenue', {
    unit: { format: 'currency', currency: 'EUR', suffix: '' },
  });
  const conversion = await kpi('Conversion rate', {
    unit: { format: 'percent', currency: null, suffix: '' },
  });
  const cafe = await kpi('Café revenue');
  const headcount = await kpi('Headcount', { frequency: 'quarterly' });
  const margin = await kpi('Margin', {
    formula: 'revenue / 2',
    unit: { format: 'currency', currency: 'EUR', suffix: '' },
  });
  return { t, revenue, conversion, cafe, headcount, margin };
}

async function valuesOf(t: TestBackend, kpiId: string) {
  const values = await t.call('value.list', { kpiIds: [kpiId] });
  return Object.fromEntries(values.map((v) => [v.period, { value: v.value, comment: v.comment }]));
}

describe('importing a long CSV', () => {
  it('reads a European file with a title row, BOM, semicolons, CRLF and a multi-line comment', async () => {
    const { t, revenue, conversion } = await setup();
    const csv =
      '\uFEFFHarbour Street — values 2026;;;\r\n' +
      'KPI;Period;Value;Comment\r\n' +
      'Revenue;Jan 2026;1.234,50;\r\n' +
      'revenue ;31/03/2026;"(1.200)";"refund\r\nafter audit"\r\n' +
      'Conversion rate;2026-02;12,5 %;\r\n' +
      'Revnue;2026-04;10;\r\n' +
      'Revenue;2026-05;abc;\r\n';
    const path = writeFile(t, 'values.csv', csv);
    const preview = await t.call('import.inspect', { path, locale: 'en-GB' });
    expect(preview.format).toEqual({ encoding: 'utf-8', delimiter: ';' });
    expect(preview.guess.mapping).toMatchObject({
      layout: 'long',
      headerLine: 2,
      kpiColumn: 0,
      periodColumn: 1,
      valueColumn: 2,
      commentColumn: 3,
    });
    expect(preview.guess.numberLocale).toBe('de-DE');

    const ready = await dryRun(t, path);
    const summary = ready.summary;
    expect(summary).toMatchObject({ newValues: 3, changedValues: 0, unchangedValues: 0 });
    expect(summary?.unknownKpis).toEqual([
      { name: 'Revnue', rows: 1, suggestion: 'Revenue', firstWhere: 'line 7, column 1' },
    ]);
    // The quoted comment spans lines 4–5, so the bad value is on line 8.
    expect(summary?.problems).toEqual([
      { line: 8, where: 'line 8, column 3', message: '"abc" is not a number' },
    ]);
    // The workspace is the import's until it is applied or cancelled.
    expect((await t.fail('value.list', { kpiIds: [revenue.id] })).code).toBe('BUSY');

    const done = await applyImport(t, ready.id);
    expect(done.result).toEqual({ inserted: 3, updated: 0, unchanged: 0, kpisCreated: 0 });
    expect(await valuesOf(t, revenue.id)).toEqual({
      '2026-01': { value: 1234.5, comment: '' },
      '2026-03': { value: -1200, comment: 'refund\r\nafter audit' },
    });
    expect(await valuesOf(t, conversion.id)).toEqual({ '2026-02': { value: 12.5, comment: '' } });
  });

  it('changes nothing when the same file is imported again, and shows old → new for edits', async () => {
    const { t, revenue } = await setup();
    const path = writeFile(
      t,
      'v.csv',
      'KPI,Period,Value\nRevenue,2026-01,100\nRevenue,2026-02,200\n',
    );
    await applyImport(t, (await dryRun(t, path)).id);
    const historyBefore = await t.call('value.history', { kpiId: revenue.id });

    const again = await dryRun(t, path);
    expect(again.summary).toMatchObject({ newValues: 0, changedValues: 0, unchangedValues: 2 });
    const applied = await applyImport(t, again.id);
    expect(applied.result).toEqual({ inserted: 0, updated: 0, unchanged: 2, kpisCreated: 0 });
    expect(await t.call('value.history', { kpiId: revenue.id })).toEqual(historyBefore);

    const edited = writeFile(
      t,
      'v2.csv',
      'KPI,Period,Value\nRevenue,2026-01,100\nRevenue,2026-02,250\n',
    );
    const dry = await dryRun(t, edited);
    expect(dry.summary).toMatchObject({ newValues: 0, changedValues: 1, unchangedValues: 1 });
    expect(dry.summary?.changes).toEqual([
      {
        kpiName: 'Revenue',
        period: '2026-02',
        oldValue: 200,
        newValue: 250,
        oldComment: '',
        newComment: null,
      },
    ]);
    await applyImport(t, dry.id);
    const history = await t.call('value.history', { kpiId: revenue.id, period: '2026-02' });
    expect(history[0]).toMatchObject({
      operation: 'update',
      oldValue: { value: 200 },
      newValue: { value: 250 },
    });
  });

  it('compares values inside the span of stored periods and adds those before and after it', async () => {
    const { t, revenue, cafe } = await setup();
    await t.call('value.setMany', {
      entries: ['2026-03', '2026-04', '2026-05', '2026-06'].map((period, i) => ({
        kpiId: revenue.id,
        period,
        value: (i + 3) * 100,
        comment: '',
      })),
    });
    // The first and last stored months, one inside, and months before, between and after them;
    // Café revenue has none stored.
    const path = writeFile(
      t,
      'span.csv',
      [
        'KPI,Period,Value',
        'Revenue,2026-01,10',
        'Revenue,2026-03,300',
        'Revenue,2026-04,444',
        'Revenue,2026-06,666',
        'Revenue,2026-08,80',
        'Café revenue,2026-04,4',
      ].join('\n'),
    );
    const dry = await dryRun(t, path);
    expect(dry.summary).toMatchObject({ newValues: 3, changedValues: 2, unchangedValues: 1 });
    expect(
      dry.summary?.changes.map((change) => `${change.period} ${String(change.oldValue)}`),
    ).toEqual(['2026-04 400', '2026-06 600']);
    await applyImport(t, dry.id);
    expect(await valuesOf(t, revenue.id)).toEqual({
      '2026-01': { value: 10, comment: '' },
      '2026-03': { value: 300, comment: '' },
      '2026-04': { value: 444, comment: '' },
      '2026-05': { value: 500, comment: '' },
      '2026-06': { value: 666, comment: '' },
      '2026-08': { value: 80, comment: '' },
    });
    expect(await valuesOf(t, cafe.id)).toEqual({ '2026-04': { value: 4, comment: '' } });
  });

  it('reads Windows-1252 files and names calculated KPIs, wrong periods and clashing duplicates', async () => {
    const { t, cafe } = await setup();
    const text =
      'KPI\tPeriod\tValue\r\n' +
      'Café revenue\t2026-01\t5\r\n' +
      'Margin\t2026-01\t9\r\n' +
      'Headcount\t2026\t4\r\n' +
      'Café revenue\t2026-01\t6\r\n' +
      'Café revenue\tsoon\t6\r\n';
    const path = writeFile(t, 'win.csv', iconv.encode(text, 'windows-1252'));
    const preview = await t.call('import.inspect', { path, locale: 'en-GB' });
    expect(preview.format).toEqual({ encoding: 'windows-1252', delimiter: '\t' });
    const ready = await dryRun(t, path);
    expect(ready.summary?.newValues).toBe(1);
    expect(ready.summary?.problems.map((p) => `${p.where}: ${p.message}`)).toEqual([
      'line 3, column 1: is Margin, which is calculated from its formula; its values are not imported',
      'line 4, column 2: "2026" is a yearly period; this KPI is quarterly',
      'line 5: Café revenue for 2026-01 is already given at line 2 (5); this one is left out',
      'line 6, column 2: "soon" is not a date or period (write it like 2026-03, Mar 2026, 31/03/2026 or 2026-Q1)',
    ]);
    await applyImport(t, ready.id);
    expect(await valuesOf(t, cafe.id)).toEqual({ '2026-01': { value: 5, comment: '' } });
  });

  it('creates unknown KPIs under the chosen objective when asked to', async () => {
    const { t } = await setup();
    const path = writeFile(
      t,
      'new.csv',
      'KPI,Month,Actual\nFootfall,2026-01,900\nFootfall,2026-02,950\n',
    );
    const ready = await dryRun(t, path, {
      unknownKpis: { action: 'create', objectiveId: t.objective.id, frequency: 'monthly' },
    });
    expect(ready.summary).toMatchObject({ newValues: 2, kpisToCreate: 1 });
    // A dry run that is cancelled leaves nothing behind.
    await t.call('import.cancel', { jobId: ready.id });
    expect((await waitFor(t, ready.id, ['cancelled'])).phase).toBe('cancelled');
    expect((await t.call('kpi.list', {})).some((k) => k.name === 'Footfall')).toBe(false);
    const again = await dryRun(t, path, {
      unknownKpis: { action: 'create', objectiveId: t.objective.id, frequency: 'monthly' },
    });
    const done = await applyImport(t, again.id);
    expect(done.result).toEqual({ inserted: 2, updated: 0, unchanged: 0, kpisCreated: 1 });
    const footfall = (await t.call('kpi.list', {})).find((k) => k.name === 'Footfall');
    expect(footfall).toMatchObject({ objectiveId: t.objective.id, frequency: 'monthly' });
    expect(await valuesOf(t, footfall?.id ?? '')).toEqual({
      '2026-01': { value: 900, comment: '' },
      '2026-02': { value: 950, comment: '' },
    });
  });

  it('leaves the workspace exactly as it was when the import is cancelled at its dry run', async () => {
    const { t } = await setup();
    const revenue = await t.call('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Daily revenue',
      frequency: 'daily',
    });
    await t.call('value.set', { kpiId: revenue.id, period: '2000-01-01', value: 1 });
    const rows = ['KPI,Period,Value'];
    for (let day = 0; day < 60_000; day += 1) {
      const date = new Date(Date.UTC(2001, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
      rows.push(`Daily revenue,${date},${day}`);
    }
    rows.push('Daily revenue,2000-01-01,2');
    const path = writeFile(t, 'big.csv', rows.join('\n'));
    const ready = await dryRun(t, path);
    expect(ready.summary).toMatchObject({ newValues: 60_000, changedValues: 1 });
    // Every value is written at this point, uncommitted; other calls are refused meanwhile.
    const busy = await t.fail('value.set', { kpiId: revenue.id, period: '2000-01-02', value: 1 });
    expect(busy.code).toBe('BUSY');
    await t.call('import.cancel', { jobId: ready.id });
    const end = await waitFor(t, ready.id, ['cancelled', 'applied']);
    expect(end.phase).toBe('cancelled');
    expect(await valuesOf(t, revenue.id)).toEqual({ '2000-01-01': { value: 1, comment: '' } });
  });

  it("logs a file ordered by period as each KPI's history in order, one pack per KPI", async () => {
    const { t } = await setup();
    const names = Array.from({ length: 250 }, (_, k) => `Branch ${String(k)}`);
    const ids: string[] = [];
    for (const name of names)
      ids.push((await t.call('kpi.create', { objectiveId: t.objective.id, name })).id);
    const month = (m: number): string =>
      `${String(1950 + Math.floor(m / 12))}-${String((m % 12) + 1).padStart(2, '0')}`;
    // 25,000 rows, the KPIs across each period: every batch the reader hands over (20,000
    // rows) holds values of every KPI, 80 and then 20 of each.
    const rows = ['KPI,Period,Value'];
    for (let m = 0; m < 100; m += 1)
      for (const [k, name] of names.entries()) rows.push(`${name},${month(m)},${String(k * m)}`);
    const path = writeFile(t, 'by-period.csv', rows.join('\n'));
    const ready = await dryRun(t, path);
    expect(ready.summary).toMatchObject({ newValues: 25_000, problemCount: 0 });
    expect((await applyImport(t, ready.id)).result).toMatchObject({ inserted: 25_000 });

    // A KPI's history, newest first: every period once, in the file's order reversed.
    const history = await t.call('value.history', { kpiId: ids[7] ?? '' });
    expect(history.map((entry) => entry.entityId)).toEqual(
      Array.from({ length: 100 }, (_, m) => `${ids[7] ?? ''}/${month(99 - m)}`),
    );
    expect(history[0]?.newValue).toMatchObject({ value: 7 * 99, source: 'by-period.csv' });
    await t.call('workspace.close', {});
    const db = new Database(t.workspace.path, { readonly: true });
    try {
      // One pack of the log per KPI (its hundred values), not one per KPI per batch.
      expect(
        db
          .prepare('SELECT count(*) FROM change_log_rows WHERE pack_rows IS NOT NULL')
          .pluck()
          .get(),
      ).toBe(250);
      expect(
        db.prepare("SELECT count(*) FROM change_log WHERE entity = 'value'").pluck().get(),
      ).toBe(25_000);
    } finally {
      db.close();
    }
  });

  it('refuses what is not a spreadsheet, saying why', async () => {
    const { t } = await setup();
    const xls = writeFile(t, 'old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]));
    expect((await t.fail('import.inspect', { path: xls, locale: 'en-GB' })).message).toMatch(
      /old Excel \.xls workbook/,
    );
    const empty = writeFile(t, 'empty.csv', '');
    expect((await t.fail('import.inspect', { path: empty, locale: 'en-GB' })).message).toBe(
      'The file is empty.',
    );
    const broken = writeFile(
      t,
      'broken.xlsx',
      Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(50)]),
    );
    expect((await t.fail('import.inspect', { path: broken, locale: 'en-GB' })).message).toMatch(
      /workbook cannot be read/,
    );
  });
});
