import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { withScorecard, type TestBackend } from '../backend/helpers';
import { applyImport, dryRun, waitFor, writeFile } from './helpers';
import { LONG_MAPPING } from '../../fixtures/long-mapping';

// Files written by other programs, as small businesses get them: German, Austrian and Swiss
// CSV exports, a workbook written the way openpyxl writes one, percentages as fractions. Each
// test asserts the numbers that are STORED, since a wrong guess reads "fine" otherwise.

async function setup() {
  const t = await withScorecard();
  const kpi = (name: string, extra: Record<string, unknown> = {}) =>
    t.call('kpi.create', { objectiveId: t.objective.id, name, ...extra });
  return {
    t,
    members: await kpi('Mitglieder', { unit: { format: 'number', suffix: 'members' } }),
    revenue: await kpi('Umsatz', { unit: { format: 'currency', currency: 'EUR' } }),
    retention: await kpi('Retention', { unit: { format: 'percent' }, decimals: 1 }),
  };
}

async function stored(t: TestBackend, kpiId: string) {
  const values = await t.call('value.list', { kpiIds: [kpiId] });
  return Object.fromEntries(values.map((v) => [v.period, v.value]));
}

describe('CSV exports from German-speaking countries', () => {
  it('reads a German export with dd.mm.yyyy dates and only thousands-grouped numbers', async () => {
    const { t, members, revenue } = await setup();
    const path = writeFile(
      t,
      'verein.csv',
      'Datum;Kennzahl;Wert\r\n' +
        '31.01.2026;Mitglieder;1.968\r\n' +
        '31.01.2026;Umsatz;84.500\r\n' +
        '28.02.2026;Mitglieder;1.972\r\n' +
        '28.02.2026;Umsatz;91.250\r\n',
    );
    const preview = await t.call('import.inspect', { path, locale: 'en-GB' });
    // The dotted dates say "comma decimals"; they never vote as numbers themselves.
    expect(preview.guess.numberLocale).toBe('de-DE');
    expect(preview.guess.numberStyle).toMatchObject({ decided: true, example: '1.968' });

    const ready = await dryRun(t, path);
    // The dry run lists the new values themselves, and what each KPI gets.
    expect(ready.summary?.newSample).toEqual(
      expect.arrayContaining([
        { kpiName: 'Mitglieder', period: '2026-01', value: 1968, where: 'line 2' },
        { kpiName: 'Umsatz', period: '2026-01', value: 84500, where: 'line 3' },
      ]),
    );
    expect(ready.summary?.perKpi).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kpiName: 'Mitglieder', newValues: 2 }),
        expect.objectContaining({ kpiName: 'Umsatz', newValues: 2 }),
      ]),
    );
    await applyImport(t, ready.id);
    expect(await stored(t, members.id)).toEqual({ '2026-01': 1968, '2026-02': 1972 });
    expect(await stored(t, revenue.id)).toEqual({ '2026-01': 84500, '2026-02': 91250 });
  });

  it('reads an Austrian export with euro signs, negative amounts and comma percentages', async () => {
    const { t, revenue, retention } = await setup();
    const path = writeFile(
      t,
      'bilanz.csv',
      '\uFEFFStichtag;KPI;Ist\r\n' +
        '31.03.2026;Umsatz;"€ 12.345,67"\r\n' +
        '30.04.2026;Umsatz;-2.500,00 €\r\n' +
        '31.03.2026;Retention;91,5 %\r\n' +
        '31.13.2026;Umsatz;1,00\r\n',
    );
    const ready = await dryRun(t, path);
    // The message quotes the file's own text.
    expect(ready.summary?.problems).toHaveLength(1);
    expect(ready.summary?.problems[0]?.line).toBe(5);
    expect(ready.summary?.problems[0]?.message).toMatch(/^"31\.13\.2026" is not a date/);
    await applyImport(t, ready.id);
    expect(await stored(t, revenue.id)).toEqual({ '2026-03': 12345.67, '2026-04': -2500 });
    expect(await stored(t, retention.id)).toEqual({ '2026-03': 91.5 });
  });

  it('reads a Swiss export: dd.mm.yyyy dates with apostrophe thousands and point decimals', async () => {
    const { t, members, revenue } = await setup();
    const path = writeFile(
      t,
      'schweiz.csv',
      'Datum;Kennzahl;Wert\r\n' +
        "31.01.2026;Umsatz;1'234.50\r\n" +
        "28.02.2026;Umsatz;84'500\r\n" +
        "31.01.2026;Mitglieder;1'968\r\n",
    );
    const preview = await t.call('import.inspect', { path, locale: 'de-DE' });
    expect(preview.guess.numberLocale).toBe('de-CH');
    await applyImport(t, (await dryRun(t, path, {}, 'de-DE')).id);
    expect(await stored(t, revenue.id)).toEqual({ '2026-01': 1234.5, '2026-02': 84500 });
    expect(await stored(t, members.id)).toEqual({ '2026-01': 1968 });
  });

  it('asks when nothing in the file decides, and flags a value 1000× off the history', async () => {
    const { t, members } = await setup();
    await t.call('value.setMany', {
      entries: ['2025-10', '2025-11', '2025-12'].map((period, i) => ({
        kpiId: members.id,
        period,
        value: 1900 + i * 20,
      })),
    });
    const path = writeFile(t, 'ambiguous.csv', 'KPI,Period,Value\nMitglieder,2026-01,1.968\n');
    const preview = await t.call('import.inspect', { path, locale: 'en-GB' });
    expect(preview.guess.numberStyle).toEqual({
      locale: 'en-US',
      decided: false,
      example: '1.968',
      evidence: null,
    });
    // Read with a point for decimals anyway: the value is 1000× smaller than the history.
    const ready = await dryRun(t, path, { numberLocale: 'en-US' });
    expect(ready.summary?.flags).toEqual([
      {
        kind: 'magnitude',
        kpiId: members.id,
        kpiName: 'Mitglieder',
        count: 1,
        period: '2026-01',
        value: 1.968,
        typical: 1920,
        factor: 0.001,
      },
    ]);
    await t.call('import.cancel', { jobId: ready.id });
    await waitFor(t, ready.id, ['cancelled']);
    const reread = await dryRun(t, path, { numberLocale: 'de-DE' });
    expect(reread.summary?.flags).toEqual([]);
    await applyImport(t, reread.id);
    expect((await stored(t, members.id))['2026-01']).toBe(1968);
  });
});

describe('percentages written as fractions', () => {
  it('flags 0.915 going into a Percent KPI and stores 91.5 when the user says so', async () => {
    const { t, retention } = await setup();
    const path = writeFile(
      t,
      'retention.csv',
      'KPI,Period,Value\nRetention,2026-01,0.915\nRetention,2026-02,0.9\nRetention,2026-03,1\n',
    );
    const ready = await dryRun(t, path);
    expect(ready.summary?.flags).toEqual([
      {
        kind: 'percent_fraction',
        kpiId: retention.id,
        kpiName: 'Retention',
        count: 3,
        example: 0.915,
      },
    ]);
    await t.call('import.cancel', { jobId: ready.id });
    await waitFor(t, ready.id, ['cancelled']);
    const asPercent = await dryRun(t, path, { fractionsAsPercent: [retention.id] });
    expect(asPercent.summary?.flags).toEqual([]);
    await applyImport(t, asPercent.id);
    expect(await stored(t, retention.id)).toEqual({
      '2026-01': 91.5,
      '2026-02': 90,
      '2026-03': 100,
    });
  });

  it('reads the same file again with the fractions as percentages when the dry run is restarted', async () => {
    const { t, retention } = await setup();
    const path = writeFile(t, 'retention.csv', 'KPI,Period,Value\nRetention,2026-01,0.915\n');
    const ready = await dryRun(t, path);
    expect(ready.summary?.flags.map((flag) => flag.kind)).toEqual(['percent_fraction']);
    const restarted = await t.call('import.restart', {
      jobId: ready.id,
      sheet: null,
      format: { encoding: 'utf-8', delimiter: ',' },
      mapping: LONG_MAPPING,
      numberLocale: 'en-US',
      dayFirst: false,
      unknownKpis: { action: 'skip' },
      fractionsAsPercent: [retention.id],
    });
    expect(restarted.id).not.toBe(ready.id);
    // The first dry run was rolled back and is gone.
    expect((await t.fail('import.status', { jobId: ready.id })).code).toBe('NOT_FOUND');
    const again = await waitFor(t, restarted.id, ['ready']);
    expect(again.summary?.flags).toEqual([]);
    await applyImport(t, again.id);
    expect(await stored(t, retention.id)).toEqual({ '2026-01': 91.5 });
    // An applied import cannot be read again.
    const refused = await t.fail('import.restart', {
      jobId: again.id,
      sheet: null,
      format: null,
      mapping: { layout: 'wide', headerLine: 1, kpiColumn: 0, periodColumns: [1] },
      numberLocale: 'en-US',
      dayFirst: false,
      unknownKpis: { action: 'skip' },
    });
    expect(refused.code).toBe('CONFLICT');
  });
});

/**
 * A workbook as openpyxl writes it: the sheets first in the zip, the workbook part and its
 * relationships after them with absolute targets, and formulas without stored results.
 */
async function openpyxlLikeWorkbook(t: { dir: string }): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Notes').addRow(['Exported by the club system']);
  const data = workbook.addWorksheet('Daten');
  data.addRow(['Kennzahl', 'Periode', 'Wert']);
  data.addRow(['Mitglieder', '2026-01', 1968]);
  data.addRow(['Umsatz', '2026-01', 84500]);
  data.addRow(['Umsatz', '2026-02', { formula: 'C3*1.1' } as ExcelJS.CellFormulaValue]);
  workbook.addWorksheet('Summary').addRow(['Total', 1]);
  const written = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const names = Object.keys(written.files).filter((name) => !written.files[name]?.dir);
  const late = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml'];
  const order = [
    ...names.filter((name) => name.startsWith('xl/worksheets/')),
    ...names.filter((name) => !name.startsWith('xl/worksheets/') && !late.includes(name)),
    ...late,
  ];
  const rezipped = new JSZip();
  for (const name of order) {
    let content = await written.file(name)?.async('nodebuffer');
    if (!content) continue;
    if (name === 'xl/_rels/workbook.xml.rels')
      content = Buffer.from(
        content
          .toString('utf8')
          .replace(/Target="(worksheets|styles|sharedStrings|theme)/gu, 'Target="/xl/$1'),
      );
    rezipped.file(name, content);
  }
  // Cells written without a result, as openpyxl leaves every formula.
  const sheet2 = await rezipped.file('xl/worksheets/sheet2.xml')?.async('string');
  expect(sheet2).toMatch(/<f>C3\*1\.1<\/f>/u);
  expect(sheet2).not.toMatch(/<f>C3\*1\.1<\/f><v>/u);
  return writeFile(
    t,
    'openpyxl.xlsx',
    await rezipped.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
  );
}

describe('a workbook written by openpyxl', () => {
  it('lists its sheets by name and reports a formula without a stored result as exactly that', async () => {
    const { t, members, revenue } = await setup();
    const path = await openpyxlLikeWorkbook(t);
    const preview = await t.call('import.inspect', { path, locale: 'en-GB' });
    expect(preview.sheets).toEqual(['Notes', 'Daten', 'Summary']);
    expect(preview.sheet).toBe('Daten');
    const ready = await dryRun(t, path);
    expect(ready.summary?.problems).toHaveLength(1);
    expect(ready.summary?.problems[0]?.where).toBe('Daten!C4');
    expect(ready.summary?.problems[0]?.message).toMatch(
      /^the formula =C3\*1\.1 has no stored result/,
    );
    await applyImport(t, ready.id);
    expect(await stored(t, members.id)).toEqual({ '2026-01': 1968 });
    expect(await stored(t, revenue.id)).toEqual({ '2026-01': 84500 });
  });
});
