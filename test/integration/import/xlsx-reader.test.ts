import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import type { Cell } from '@shared/transfer/table';
import {
  previewWorkbook,
  xlsxRowBatches,
} from '../../../electron/backend/transfer/import/xlsx-source';

// The workbook reader (xlsx-source.ts over sheet-rows.ts): what a spreadsheet program wrote is
// what the import sees. Workbooks written by exceljs with generated cells of every kind are
// read back cell for cell; hand-written parts cover what other writers do (namespace
// prefixes, rich text with phonetic guides, cells without references, 1904 dates, CDATA).

const dir = mkdtempSync(join(tmpdir(), 'kpis-xlsx-reader-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
let files = 0;
const file = (data: Buffer): string => {
  files += 1;
  const path = join(dir, `book-${files}.xlsx`);
  writeFileSync(path, data);
  return path;
};

/** A cell as written and the cell the import should read from it. */
interface Written {
  value: ExcelJS.CellValue;
  numFmt?: string;
  read: Cell;
}

const text = fc
  .string({
    unit: fc.constantFrom('a', 'Z', ' ', '&', '<', '>', '"', "'", 'é', '€', '\n', '1', '.', '😀'),
    minLength: 1,
    maxLength: 12,
  })
  // A text that is only blanks reads as an empty cell in every spreadsheet program.
  .filter((value) => value.trim() !== '');
const finite = fc
  .double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 })
  .map((value) => (value === 0 ? 0 : value));
const day = fc
  .date({ min: new Date('1900-03-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z') })
  .filter((date) => !Number.isNaN(date.getTime()))
  .map((date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())));

const written: fc.Arbitrary<Written | null> = fc.oneof(
  fc.constant(null),
  text.map((value) => ({ value, read: value })),
  finite.map((value) => ({ value, read: value })),
  finite.map((value) => ({
    value,
    numFmt: '0.00%',
    read: `${Math.round(value * 100 * 1e9) / 1e9}%`,
  })),
  day.map((date) => ({ value: date, read: { day: date.toISOString().slice(0, 10) } })),
  fc.boolean().map((value) => ({ value, read: value })),
  finite.map((result) => ({ value: { formula: 'B1*2', result }, read: result })),
  text.map((result) => ({ value: { formula: 'A1&""', result }, read: result })),
  fc.constant({ value: { formula: 'SUM(A1:A3)' }, read: { formula: 'SUM(A1:A3)' } }),
);

const sheetOf = fc.array(fc.array(written, { maxLength: 6 }), { minLength: 1, maxLength: 8 });

/** The rows as the import should see them: by row number, trailing empty cells left out. */
function expected(rows: (Written | null)[][]): { line: number; cells: Cell[] }[] {
  return rows
    .map((row, index) => {
      const cells = row.map((cell) => cell?.read ?? null);
      while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
      return { line: index + 1, cells };
    })
    .filter((row) => row.cells.length > 0);
}

const nonEmpty = (rows: { line: number; cells: Cell[] }[]) =>
  rows.filter((row) => row.cells.some((cell) => cell !== null));

async function writeWorkbook(
  sheets: { name: string; rows: (Written | null)[][] }[],
  sharedStrings: boolean,
): Promise<string> {
  const path = join(dir, `written-${(files += 1)}.xlsx`);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: sharedStrings,
    useStyles: true,
  });
  for (const { name, rows } of sheets) {
    const sheet = workbook.addWorksheet(name);
    rows.forEach((row, index) => {
      const target = sheet.getRow(index + 1);
      row.forEach((cell, column) => {
        if (cell === null) return;
        const at = target.getCell(column + 1);
        at.value = cell.value;
        if (cell.numFmt) at.numFmt = cell.numFmt;
      });
      target.commit();
    });
    sheet.commit();
  }
  await workbook.commit();
  return path;
}

describe('the workbook reader', () => {
  it('reads back every kind of cell a spreadsheet program writes, sheet by sheet', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(sheetOf, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        async (sheetRows, sharedStrings) => {
          const sheets = sheetRows.map((rows, index) => ({ name: `Sheet & ${index}`, rows }));
          const path = await writeWorkbook(sheets, sharedStrings);
          const previews = await previewWorkbook(path, 100);
          expect(previews.map((preview) => preview.name)).toEqual(sheets.map((s) => s.name));
          previews.forEach((preview, index) => {
            expect(nonEmpty(preview.rows)).toEqual(expected(sheets[index]?.rows ?? []));
          });
          // The full read of a sheet gives the same rows as its preview.
          const last = sheets[sheets.length - 1];
          const all = [];
          for await (const batch of xlsxRowBatches(path, last?.name ?? '')) all.push(...batch);
          expect(nonEmpty(all)).toEqual(expected(last?.rows ?? []));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reads a long sheet across many pieces of the file, every row in order', async () => {
    const rows: (Written | null)[][] = Array.from({ length: 30_000 }, (_, i) => [
      { value: `KPI ${i % 97}`, read: `KPI ${i % 97}` },
      { value: i * 0.25, read: i * 0.25 },
    ]);
    const path = await writeWorkbook([{ name: 'Values', rows }], true);
    const seen: { line: number; cells: Cell[] }[] = [];
    for await (const batch of xlsxRowBatches(path, 'Values')) seen.push(...batch);
    expect(seen).toEqual(expected(rows));
    // A preview stops at its limit.
    expect((await previewWorkbook(path, 40))[0]?.rows).toHaveLength(40);
  });

  it('reads text outside ASCII that comes after pieces of ASCII only, across the pieces', async () => {
    // The first 20,000 rows are plain ASCII (read as Latin-1, fast); then every row has
    // characters of two, three and four bytes in UTF-8, some of them cut between two pieces.
    const rows: (Written | null)[][] = Array.from({ length: 30_000 }, (_, i) => {
      const text = i < 20_000 ? `KPI ${i % 97}` : `Café ネ 😀 ${i}`;
      return [
        { value: text, read: text },
        { value: i, read: i },
      ];
    });
    const path = await writeWorkbook([{ name: 'Values', rows }], false);
    const seen: { line: number; cells: Cell[] }[] = [];
    for await (const batch of xlsxRowBatches(path, 'Values')) seen.push(...batch);
    expect(seen).toEqual(expected(rows));
  });

  it('says which sheet it cannot find', async () => {
    const path = await writeWorkbook([{ name: 'Values', rows: [[{ value: 1, read: 1 }]] }], true);
    await expect(async () => {
      for await (const batch of xlsxRowBatches(path, 'Werte')) expect(batch).toBeDefined();
    }).rejects.toThrow('The workbook has no sheet named "Werte"');
  });
});

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`;

/** A workbook from hand-written parts, each with an x: prefix as the Open XML SDK writes. */
async function handWritten(parts: {
  sheet: string;
  strings?: string;
  styles?: string;
  date1904?: boolean;
}) {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:workbookPr${parts.date1904 ? ' date1904="1"' : ''}/><x:sheets><x:sheet name="Chart" sheetId="2" r:id="rId2"/><x:sheet name="Data &amp; more" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`,
  );
  zip.file('xl/chartsheets/sheet1.xml', '<chartsheet/>');
  zip.file('xl/worksheets/data.xml', parts.sheet);
  if (parts.strings) zip.file('xl/sharedStrings.xml', parts.strings);
  if (parts.styles) zip.file('xl/styles.xml', parts.styles);
  return file(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

const NS = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

describe('workbooks from other writers', () => {
  it('reads prefixed parts, rich and phonetic text, cells without references, CDATA and errors', async () => {
    const path = await handWritten({
      strings: `<?xml version="1.0"?><x:sst ${NS}><x:si><x:t>Revenue</x:t></x:si><x:si><x:r><x:rPr><x:b/></x:rPr><x:t>Net </x:t></x:r><x:r><x:t xml:space="preserve">profit &amp; loss</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ネット</x:t></x:rPh></x:si><x:si><x:t/></x:si></x:sst>`,
      styles: `<?xml version="1.0"?><x:styleSheet ${NS}><x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="&quot;Q&quot;0"/></x:numFmts><x:cellStyleXfs count="1"><x:xf numFmtId="14"/></x:cellStyleXfs><x:cellXfs count="4"><x:xf numFmtId="0"/><x:xf numFmtId="14" applyNumberFormat="1"/><x:xf numFmtId="10"><x:alignment horizontal="left"/></x:xf><x:xf numFmtId="164"/></x:cellXfs></x:styleSheet>`,
      sheet: `<?xml version="1.0"?><!-- written by hand --><x:worksheet ${NS}><x:sheetData>
        <x:row r="2"><x:c t="s"><x:v>0</x:v></x:c><x:c s="1"><x:v>46022</x:v></x:c><x:c s="2"><x:v>0.125</x:v></x:c><x:c s="3"><x:v>4</x:v></x:c></x:row>
        <x:row><x:c r="A3" t="s"><x:v>1</x:v></x:c><x:c r="C3" t="inlineStr"><x:is><x:r><x:t>a&lt;</x:t></x:r><x:r><x:t><![CDATA[b&c]]></x:t></x:r></x:is></x:c><x:c r="D3" t="s"><x:v>2</x:v></x:c></x:row>
        <x:row r="5"><x:c r="A5" t="e"><x:v>#DIV/0!</x:v></x:c><x:c r="B5" t="b"><x:v>1</x:v></x:c><x:c r="C5" s="1"><x:f>DATE(2026,3,31)</x:f><x:v>46112</x:v></x:c><x:c r="D5" t="str"><x:f>A3</x:f><x:v>x &amp; y</x:v></x:c><x:c r="E5" t="d"><x:v>2026-04-30T00:00:00</x:v></x:c><x:c r="F5" s="1"/><x:c r="G5" t="b"><x:v>FALSE</x:v></x:c></x:row>
        <x:row r="7"/>
      </x:sheetData></x:worksheet>`,
    });
    const previews = await previewWorkbook(path, 10);
    // The chart sheet has no rows and is not offered.
    expect(previews.map((preview) => preview.name)).toEqual(['Data & more']);
    expect(previews[0]?.rows).toEqual([
      { line: 2, cells: ['Revenue', { day: '2025-12-31' }, '12.5%', 4] },
      { line: 3, cells: ['Net profit & loss', null, 'a<b&c'] },
      {
        line: 5,
        cells: [
          '#DIV/0!',
          true,
          { day: '2026-03-31' },
          'x & y',
          { day: '2026-04-30' },
          null,
          false,
        ],
      },
      { line: 7, cells: [] },
    ]);
  });

  it('counts days from 1904 when the workbook says so (44561 is 2021-12-31 counted from 1900)', async () => {
    const path = await handWritten({
      date1904: true,
      styles: `<styleSheet><cellXfs><xf numFmtId="14"/></cellXfs></styleSheet>`,
      sheet: `<x:worksheet ${NS}><x:sheetData><x:row r="1"><x:c r="A1" s="0"><x:v>44561</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
    });
    expect((await previewWorkbook(path, 1))[0]?.rows).toEqual([
      { line: 1, cells: [{ day: '2026-01-01' }] },
    ]);
  });

  it('refuses a cell holding far more text than a cell can, naming its row', async () => {
    const path = await handWritten({
      sheet: `<worksheet><sheetData><row r="3"><c r="A3" t="inlineStr"><is><t>${'x'.repeat(1_100_000)}</t></is></c></row></sheetData></worksheet>`,
    });
    await expect(async () => {
      for await (const batch of xlsxRowBatches(path, 'Data & more')) expect(batch).toBeDefined();
    }).rejects.toThrow('the cell in row 3 holds far more text than a cell can');
  });

  it('refuses a tag or comment that never ends within 16 MB rather than holding it', async () => {
    const path = await handWritten({
      sheet: `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><!-- ${'-x'.repeat(9_000_000)}</sheetData></worksheet>`,
    });
    await expect(async () => {
      for await (const batch of xlsxRowBatches(path, 'Data & more')) expect(batch).toBeDefined();
    }).rejects.toThrow('a tag or text section is far longer than any cell holds');
  });

  it('decodes entities once, in text and in attributes', async () => {
    const path = await handWritten({
      sheet: `<worksheet><sheetData><row r="1"><c r="A1" t="str"><v>&amp;lt; &#x41;&#66; &quot;q&apos;</v></c><c r="B1" t="inlineStr"><is><t>&lt;b&gt;</t></is></c></row></sheetData></worksheet>`,
    });
    expect((await previewWorkbook(path, 1))[0]).toEqual({
      name: 'Data & more',
      rows: [{ line: 1, cells: ['&lt; AB "q\'', '<b>'] }],
    });
  });
});
