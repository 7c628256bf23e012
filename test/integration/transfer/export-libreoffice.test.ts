import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  CSV_RAW_WITH_FORMULAS,
  HOSTILE,
  libreOfficeConvert,
  readCsvRows,
  sampleWithEdits,
} from './export-helpers';

// Our exports read by an independent program: LibreOffice converts our XLSX to CSV and our CSV
// to XLSX. The numbers must come back as the same numbers, months as real dates, and comments
// that look like formulas as text — never as formulas. (LibreOffice is slow to start, so both
// conversions run in one test, side by side.)

function ourRows(path: string): string[][] {
  return Papa.parse<string[]>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), {
    skipEmptyLines: true,
  }).data;
}

describe('exports read back by LibreOffice', () => {
  it('keeps numbers, dates and formula-like text as they are', { timeout: 180_000 }, async () => {
    const t = await sampleWithEdits();
    const xlsx = join(t.dir, 'values.xlsx');
    const csv = join(t.dir, 'values.csv');
    await t.call('export.values', {
      format: 'xlsx',
      layout: 'long',
      destination: { kind: 'file', path: xlsx },
    });
    await t.call('export.values', {
      format: 'csv',
      layout: 'long',
      destination: { kind: 'file', path: csv },
    });
    const [fromXlsx, fromCsv] = await Promise.all([
      libreOfficeConvert(xlsx, CSV_RAW_WITH_FORMULAS),
      libreOfficeConvert(csv, 'xlsx', { infilter: 'CSV:44,34,76,1' }),
    ]);

    // XLSX → LibreOffice → CSV: same rows, same numbers, months as dates of their first day.
    const expected = ourRows(csv);
    const back = readCsvRows(fromXlsx);
    expect(back.length).toBe(expected.length);
    expect(back[0]).toEqual(expected[0]);
    for (const [index, row] of expected.slice(1).entries()) {
      const got = back[index + 1] ?? [];
      const where = `row ${index + 2} (${row[1] ?? ''} ${row[3] ?? ''})`;
      expect(got.slice(0, 3), where).toEqual(row.slice(0, 3));
      expect(Number(got[4]), where).toBe(Number(row[4]));
      expect(got[5], where).toBe(row[5]);
      expect(got[6], where).toBe(row[6]);
      const period = row[3] ?? '';
      const month = /^(\d{4})-(\d{2})$/.exec(period);
      // A month comes back as a date (LibreOffice writes it MM/DD/YYYY), anything else as its key.
      expect(got[3], where).toBe(month ? `${month[2] ?? ''}/01/${month[1] ?? ''}` : period);
    }
    const cash = back.find((r) => r[1] === 'operating_cash_flow' && r[3] === '10/01/2026');
    expect(cash?.[4]).toBe('-1200');
    expect(cash?.[6]).toBe(`'${HOSTILE.hyperlink}`); // not "click me": never became a formula
    expect(back.find((r) => r[1] === 'waste_pct' && r[3] === '09/01/2026')?.[6]).toBe(
      `'${HOSTILE.at}`,
    );

    // CSV → LibreOffice → XLSX: values are numeric cells, comments are text cells.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(fromCsv);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('LibreOffice wrote no sheet');
    let numbers = 0;
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      for (const column of [1, 2, 3, 6, 7])
        expect(row.getCell(column).type, `row ${number} column ${column}`).not.toBe(
          ExcelJS.ValueType.Formula,
        );
      expect(row.getCell(5).type, `row ${number} value`).toBe(ExcelJS.ValueType.Number);
      numbers += 1;
    });
    expect(numbers).toBe(expected.length - 1);
    const hostile = [HOSTILE.hyperlink, HOSTILE.at, HOSTILE.multiline].map((text) => `'${text}`);
    const comments: unknown[] = [];
    sheet.eachRow((row) => comments.push(row.getCell(7).value));
    for (const text of hostile) expect(comments).toContain(text);
    const cashCell = sheet
      .getRows(2, sheet.rowCount - 1)
      ?.find(
        (row) =>
          row.getCell(2).value === 'operating_cash_flow' && row.getCell(7).value === hostile[0],
      );
    expect(cashCell?.getCell(5).value).toBe(-1200);
  });
});
