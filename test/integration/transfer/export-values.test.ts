import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { withScorecard } from '../backend/helpers';
import { HOSTILE, sampleWithEdits } from './export-helpers';

// Values to CSV and XLSX from a real workspace file, checked by reading the files back.

describe('values export', () => {
  it('writes the long CSV with a BOM, numbers as numbers and formula-like text neutralised', async () => {
    const t = await sampleWithEdits();
    const path = join(t.dir, 'values.csv');
    const result = await t.call('export.values', {
      format: 'csv',
      layout: 'long',
      destination: { kind: 'file', path },
    });
    expect(result.path).toBe(path);
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['KPI', 'Code', 'Unit', 'Period', 'Value', 'Status', 'Comment']);
    expect(rows.length - 1).toBe(result.rows);
    const cash = rows.find((r) => r[1] === 'operating_cash_flow' && r[3] === '2026-10');
    expect(cash?.slice(2)).toEqual([
      'EUR',
      '2026-10',
      '-1200',
      'Off track',
      `'${HOSTILE.hyperlink}`,
    ]);
    expect(text).toContain('-1200,Off track'); // unquoted: a number, not text
    expect(rows.find((r) => r[1] === 'waste_pct' && r[3] === '2026-09')?.[6]).toBe(
      `'${HOSTILE.at}`,
    );
    expect(rows.find((r) => r[1] === 'csat' && r[3] === '2026-10')?.[6]).toBe(
      `'${HOSTILE.multiline}`,
    );
  });

  it('gives each value the status the scorecard shows for that period', async () => {
    const t = await sampleWithEdits();
    const scorecards = await t.call('scorecard.list', {});
    const company = scorecards.find((s) => s.parentId === null);
    if (!company) throw new Error('no company scorecard');
    const evaluation = await t.call('scorecard.evaluate', {
      id: company.id,
      view: { frequency: 'month', basis: 'calendar' },
      period: '2026-09',
    });
    const path = join(t.dir, 'values.csv');
    await t.call('export.values', {
      format: 'csv',
      layout: 'long',
      scorecardId: company.id,
      fromPeriod: '2026-09',
      toPeriod: '2026-09',
      destination: { kind: 'file', path },
    });
    const rows = Papa.parse<string[]>(readFileSync(path, 'utf8').slice(1), {
      skipEmptyLines: true,
    }).data.slice(1);
    const labels = {
      on_track: 'On track',
      at_risk: 'At risk',
      off_track: 'Off track',
      no_data: 'No data',
    };
    const shown = evaluation.perspectives
      .flatMap((p) => p.objectives.flatMap((o) => o.kpis))
      .filter(({ kpi }) => kpi.frequency === 'monthly');
    expect(shown.length).toBeGreaterThan(5);
    for (const { kpi, evaluation: e } of shown) {
      const row = rows.find((r) => r[1] === kpi.code);
      expect(row?.[3], kpi.code).toBe('2026-09');
      expect(Number(row?.[4]), kpi.code).toBeCloseTo(e.value ?? Number.NaN, 9);
      expect(row?.[5], kpi.code).toBe(labels[e.status]);
    }
    // The range keeps periods that start inside it: September, not Q3 (which starts in July).
    expect(new Set(rows.map((r) => r[3]))).toEqual(new Set(['2026-09']));
  });

  it('writes a wide XLSX: real numbers, header row, frozen panes, widths', async () => {
    const t = await sampleWithEdits();
    const path = join(t.dir, 'wide.xlsx');
    await t.call('export.values', {
      format: 'xlsx',
      layout: 'wide',
      fromPeriod: '2026-01',
      destination: { kind: 'file', path },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('Values');
    if (!sheet) throw new Error('no Values sheet');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['KPI', 'Code', 'Unit', 'Latest status']);
    expect(header).toContain('2026-10');
    expect(header).toContain('2026-Q3');
    expect(header).not.toContain('2025-12');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 2 });
    expect(sheet.getColumn(1).width).toBeGreaterThan(12);
    const cashRow = sheet
      .getRows(2, sheet.rowCount - 1)
      ?.find((r) => r.getCell(2).value === 'operating_cash_flow');
    const octColumn = header.indexOf('2026-10') + 1;
    expect(cashRow?.getCell(octColumn).value).toBe(-1200);
    expect(cashRow?.getCell(octColumn).type).toBe(ExcelJS.ValueType.Number);
  });

  it('refuses a period range that ends before it starts, naming the field', async () => {
    const t = await sampleWithEdits();
    const error = await t.fail('export.values', {
      format: 'csv',
      layout: 'long',
      fromPeriod: '2026-05',
      toPeriod: '2026-Q1',
      destination: { kind: 'file', path: join(t.dir, 'x.csv') },
    });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'toPeriod' });
    expect(error.message).toContain('2026-Q1');
  });
});

describe('values export: periods of every frequency', () => {
  it('writes months and days as dates, weeks, quarters and years as their keys', async () => {
    const t = await withScorecard();
    const make = async (
      name: string,
      frequency: 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly',
      period: string,
    ) => {
      const kpi = await t.call('kpi.create', {
        objectiveId: t.objective.id,
        name,
        frequency,
        target: 100,
      });
      await t.call('value.set', { kpiId: kpi.id, period, value: 90 });
    };
    await make('Daily visits', 'daily', '2026-03-31');
    await make('Weekly leads', 'weekly', '2026-W05');
    await make('Monthly sales', 'monthly', '2026-03');
    await make('Quarterly churn', 'quarterly', '2026-Q1');
    await make('Yearly audits', 'yearly', '2026');
    const path = join(t.dir, 'periods.xlsx');
    await t.call('export.values', {
      format: 'xlsx',
      layout: 'long',
      destination: { kind: 'file', path },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('Values');
    const cells = new Map(
      (sheet?.getRows(2, 5) ?? []).map((row) => [row.getCell(1).text, row.getCell(4)]),
    );
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    expect(cells.get('Daily visits')?.value).toEqual(day('2026-03-31'));
    expect(cells.get('Daily visits')?.numFmt).toBe('yyyy-mm-dd');
    expect(cells.get('Monthly sales')?.value).toEqual(day('2026-03-01'));
    expect(cells.get('Monthly sales')?.numFmt).toBe('mmm yyyy');
    expect(cells.get('Weekly leads')?.value).toBe('2026-W05');
    expect(cells.get('Quarterly churn')?.value).toBe('2026-Q1');
    expect(cells.get('Yearly audits')?.value).toBe('2026');
    // 90 against a target of 100 with the default thresholds: the same status for every frequency.
    const statuses = new Set((sheet?.getRows(2, 5) ?? []).map((row) => row.getCell(6).value));
    expect(statuses.size).toBe(1);
    expect(statuses.has('No data')).toBe(false);
  });
});
