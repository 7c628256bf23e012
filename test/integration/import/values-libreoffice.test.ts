import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { withScorecard, type TestBackend } from '../backend/helpers';
import { applyImport, dryRun } from './helpers';

// Files written by LibreOffice (scripts/make-libreoffice-fixtures.mjs): real date cells,
// percent formats, formulas, European separators, Windows-1252, two sheets.

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../fixtures/libreoffice/${name}`, import.meta.url));

async function setup() {
  const t = await withScorecard();
  const kpi = (name: string, extra: Record<string, unknown> = {}) =>
    t.call('kpi.create', { objectiveId: t.objective.id, name, ...extra });
  return {
    t,
    revenue: await kpi('Revenue'),
    conversion: await kpi('Conversion rate', {
      unit: { format: 'percent', currency: null, suffix: '' },
      decimals: 1,
    }),
    headcount: await kpi('Headcount', { frequency: 'quarterly' }),
    cafe: await kpi('Café revenue'),
    footfall: await kpi('Footfall', { frequency: 'quarterly' }),
  };
}

async function valuesOf(t: TestBackend, kpiId: string) {
  const values = await t.call('value.list', { kpiIds: [kpiId] });
  return Object.fromEntries(values.map((v) => [v.period, v.value]));
}

describe('files written by LibreOffice', () => {
  it('reads an English long workbook with date cells, percent cells and a title row', async () => {
    const { t, revenue, conversion, headcount } = await setup();
    const path = fixture('long-en.xlsx');
    const preview = await t.call('import.inspect', { path, locale: 'en-GB' });
    expect(preview).toMatchObject({ kind: 'xlsx', sheets: ['long-en'], sheet: 'long-en' });
    expect(preview.guess.mapping).toMatchObject({
      layout: 'long',
      headerLine: 2,
      commentColumn: 3,
    });
    expect(preview.rows[2]?.cells[1]).toEqual({ day: '2026-01-31' });

    const ready = await dryRun(t, path);
    expect(ready.summary).toMatchObject({ newValues: 6, problemCount: 0 });
    expect(ready.summary?.unknownKpis).toEqual([
      { name: 'Revnue', rows: 1, suggestion: 'Revenue', firstWhere: 'long-en!A8' },
    ]);
    await applyImport(t, ready.id);
    expect(await valuesOf(t, revenue.id)).toEqual({
      '2026-01': 14460.5,
      '2026-02': 15200,
      '2026-03': -1200,
    });
    // 12.5 % in a percent-formatted cell is stored as the percentage the user sees.
    expect(await valuesOf(t, conversion.id)).toEqual({ '2026-01': 12.5, '2026-02': 2.1 });
    expect(await valuesOf(t, headcount.id)).toEqual({ '2026-Q1': 12 });
    const comments = await t.call('value.list', { kpiIds: [conversion.id] });
    expect(comments.find((v) => v.period === '2026-02')?.comment).toBe('new checkout,\nfirst week');
  });

  it('reads a German wide workbook and creates the KPIs it does not know when asked', async () => {
    const { t, cafe } = await setup();
    const path = fixture('wide-de.xlsx');
    const preview = await t.call('import.inspect', { path, locale: 'de-DE' });
    expect(preview.guess.mapping).toEqual({
      layout: 'wide',
      headerLine: 1,
      kpiColumn: 0,
      periodColumns: [1, 2, 3],
    });
    const ready = await dryRun(
      t,
      path,
      { unknownKpis: { action: 'create', objectiveId: t.objective.id, frequency: 'monthly' } },
      'de-DE',
    );
    expect(ready.summary).toMatchObject({ newValues: 7, kpisToCreate: 2, problemCount: 0 });
    await applyImport(t, ready.id);
    expect(await valuesOf(t, cafe.id)).toEqual({ '2026-01': 100, '2026-03': 300 });
    const umsatz = (await t.call('kpi.list', {})).find((k) => k.name === 'Umsatz');
    expect(await valuesOf(t, umsatz?.id ?? '')).toEqual({ '2026-01': 1234.5, '2026-02': 2345.75 });
  });

  it("reads LibreOffice's Windows-1252 CSV with semicolons once dates are set to month first", async () => {
    const { t, cafe } = await setup();
    const path = fixture('wide-de-windows-1252.csv');
    const preview = await t.call('import.inspect', { path, locale: 'de-DE' });
    expect(preview.format).toEqual({ encoding: 'windows-1252', delimiter: ';' });
    expect(preview.rows[3]?.cells[0]).toBe('Café revenue');
    // 02/01/26 is ambiguous; LibreOffice wrote it month first, which the user tells the wizard.
    const ready = await dryRun(t, path, { dayFirst: false }, 'de-DE');
    expect(ready.summary?.newValues).toBe(2);
    await applyImport(t, ready.id);
    expect(await valuesOf(t, cafe.id)).toEqual({ '2026-01': 100, '2026-03': 300 });
  });

  it('picks the data sheet of a two-sheet workbook, under a title, with cell references in errors', async () => {
    const { t, footfall } = await setup();
    const path = fixture('two-sheets.xlsx');
    const preview = await t.call('import.inspect', { path, locale: 'en-GB' });
    expect(preview.sheets).toEqual(['Notes', 'Values 2026']);
    expect(preview.sheet).toBe('Values 2026');
    expect(preview.guess.mapping).toEqual({
      layout: 'wide',
      headerLine: 3,
      kpiColumn: 0,
      periodColumns: [1, 2],
    });
    const ready = await dryRun(t, path);
    expect(ready.summary?.problems.map((p) => `${p.where}: ${p.message}`)).toEqual([
      'Values 2026!B5: "2026-Q1" is a quarterly period; this KPI is monthly',
      'Values 2026!C5: "2026-Q2" is a quarterly period; this KPI is monthly',
      'Values 2026!B6: "2026-Q1" is a quarterly period; this KPI is monthly',
      'Values 2026!C6: "2026-Q2" is a quarterly period; this KPI is monthly',
    ]);
    await applyImport(t, ready.id);
    expect(await valuesOf(t, footfall.id)).toEqual({ '2026-Q1': 12000, '2026-Q2': 13500 });
  });
});
