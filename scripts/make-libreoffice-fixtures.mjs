#!/usr/bin/env node
// Writes the import fixtures in test/fixtures/libreoffice with LibreOffice itself, so the tests
// read files as a real spreadsheet program writes them (dates as date cells, percent formats,
// European separators, Windows-1252). Run by hand when a fixture is added; needs `soffice`.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';

const root = resolve(import.meta.dirname, '..');
const target = join(root, 'test', 'fixtures', 'libreoffice');
const work = mkdtempSync(join(tmpdir(), 'kpis-lo-fixtures-'));
const out = join(work, 'out');
mkdirSync(out, { recursive: true });
mkdirSync(target, { recursive: true });

function soffice(...args) {
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', ...args],
    {
      stdio: 'inherit',
    },
  );
}

// English long file, read by LibreOffice as en-US: ISO dates become date cells, "12.5%" a
// percent-formatted number, "14,460.50" a number.
writeFileSync(
  join(work, 'long-en.csv'),
  'Harbour Street Bakery - monthly values,,,\nKPI,Month,Value,Comment\nRevenue,2026-01-31,"14,460.50",\n' +
    'Revenue,2026-02-28,"15,200",Valentine weekend\nConversion rate,2026-01-31,12.5%,\n' +
    'Conversion rate,2026-02-28,2.1%,"new checkout,\nfirst week"\nHeadcount,2026-03-31,12,\n' +
    'Revnue,2026-03-31,100,\nRevenue,2026-03-31,-1200,refund\n',
);
soffice(
  '--infilter=CSV:44,34,76,1,,1033',
  '--convert-to',
  'xlsx',
  '--outdir',
  work,
  join(work, 'long-en.csv'),
);

// German wide file, read as de-DE: "1.234,50" numbers and "Mär 2026" month headers.
writeFileSync(
  join(work, 'wide-de.csv'),
  'KPI;Jan 2026;Feb 2026;Mär 2026\nUmsatz;1.234,50;2.345,75;\nKonversionsrate;12,5;11,0;9,75\nCafé revenue;100;;300\n',
);
soffice(
  '--infilter=CSV:59,34,76,1,,1031',
  '--convert-to',
  'xlsx',
  '--outdir',
  work,
  join(work, 'wide-de.csv'),
);

// LibreOffice's own CSV: semicolons, Windows-1252, its date text.
soffice(
  '--convert-to',
  'csv:Text - txt - csv (StarCalc):59,34,1,1',
  '--outdir',
  out,
  join(work, 'wide-de.xlsx'),
);

// A workbook with two sheets, a title above the header, and a formula, saved by LibreOffice.
const book = new ExcelJS.Workbook();
book.addWorksheet('Notes').addRow(['Figures from the till system; see the Values sheet.']);
const values = book.addWorksheet('Values 2026');
values.addRow(['Café figures 2026']);
values.addRow([]);
values.addRow(['Measure', 'Q1 2026', 'Q2 2026', 'Note']);
values.addRow(['Footfall', 12000, 13500, 'counted at the door']);
values.addRow(['Conversion rate', 0.031, 0.029]);
values.getCell('B5').numFmt = '0.0%';
values.getCell('C5').numFmt = '0.0%';
values.addRow(['Revenue', { formula: 'B4*2', result: 24000 }, 27000]);
await book.xlsx.writeFile(join(work, 'multi-sheet-source.xlsx'));
soffice('--convert-to', 'xlsx', '--outdir', out, join(work, 'multi-sheet-source.xlsx'));

copyFileSync(join(work, 'long-en.xlsx'), join(target, 'long-en.xlsx'));
copyFileSync(join(work, 'wide-de.xlsx'), join(target, 'wide-de.xlsx'));
copyFileSync(join(out, 'wide-de.csv'), join(target, 'wide-de-windows-1252.csv'));
copyFileSync(join(out, 'multi-sheet-source.xlsx'), join(target, 'two-sheets.xlsx'));
console.log(`Fixtures written to ${target}`);
