import { createReadStream } from 'node:fs';
import type ExcelJS from 'exceljs';
import type { Cell, SourceRow } from '@shared/transfer/table';
import { workbookSheets } from './workbook-sheets';

// Workbooks read with exceljs's streaming reader: one sheet at a time, row by row, so a large
// workbook is never held whole. Cells keep their kind: numbers stay numbers, date cells become
// days, formulas give their cached result, and a percent-formatted 0.12 reads as 12 %.

type CellValue = ExcelJS.CellValue;

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function toCell(value: CellValue, numFmt: string | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (numFmt?.includes('%')) return `${Math.round(value * 100 * 1e9) / 1e9}%`;
    return value;
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : { day: isoDay(value) };
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    // A formula written by a program that does not calculate (openpyxl, most generators) has
    // no stored result: say that, rather than "the value is empty".
    if (result === undefined || result === null) {
      const formula = value as { formula?: string; sharedFormula?: string };
      return {
        formula:
          formula.formula ??
          (formula.sharedFormula ? `(the formula of ${formula.sharedFormula})` : ''),
      };
    }
    if (typeof result === 'object' && 'error' in result) return (result as { error: string }).error;
    return toCell(result as CellValue, numFmt);
  }
  if ('text' in value) return value.text;
  return null;
}

// exceljs is large; loaded when a workbook is read, so CSV imports start faster.
async function reader(
  path: string,
  onBytes?: (bytesRead: number) => void,
): Promise<ExcelJS.stream.xlsx.WorkbookReader> {
  const { default: Excel } = await import('exceljs');
  const file = createReadStream(path);
  let bytesRead = 0;
  if (onBytes)
    file.on('data', (chunk) => {
      bytesRead += chunk.length;
      onBytes(bytesRead);
    });
  const workbook = new Excel.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  // Its workbook model exists only once xl/workbook.xml has been read; a sheet stored before
  // that part would otherwise make it fail on the missing model.
  (workbook as unknown as { model?: { sheets: unknown[] } }).model ??= { sheets: [] };
  return workbook;
}

/** Sheet names by part number (xl/worksheets/sheetN.xml), read from the workbook part. */
async function sheetNames(path: string): Promise<{ byPart: Map<string, string>; order: string[] }> {
  const sheets = await workbookSheets(path);
  return {
    byPart: new Map(sheets.map((sheet) => [sheet.partNumber, sheet.name])),
    order: sheets.map((sheet) => sheet.name),
  };
}

/**
 * A sheet's name. The reader names a sheet from the workbook only when that part came first
 * in the zip; otherwise it is still "Sheet" + its part number, and the workbook's own list
 * (read from the zip's directory) has the real one.
 */
function nameOf(sheet: ExcelJS.stream.xlsx.WorksheetReader, byPart: Map<string, string>): string {
  const { id, name } = sheet as unknown as { id: unknown; name: string };
  if (typeof id === 'string' && name === `Sheet${id}`) return byPart.get(id) ?? name;
  return name;
}

function rowCells(row: ExcelJS.Row): Cell[] {
  const cells: Cell[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    cells[column - 1] = toCell(cell.value, cell.numFmt);
  });
  for (let i = 0; i < cells.length; i += 1) cells[i] ??= null;
  return cells;
}

export interface SheetPreview {
  name: string;
  rows: SourceRow[];
}

/** Every sheet's name and first rows; the rest of each sheet is skipped. */
export async function previewWorkbook(path: string, rowLimit: number): Promise<SheetPreview[]> {
  const sheets: SheetPreview[] = [];
  const names = await sheetNames(path);
  for await (const sheet of await reader(path)) {
    const preview: SheetPreview = { name: nameOf(sheet, names.byPart), rows: [] };
    sheets.push(preview);
    for await (const row of sheet) {
      preview.rows.push({ line: row.number, cells: rowCells(row) });
      // Leaving a sheet early is safe: the reader drains the rest on its way to the next one.
      if (preview.rows.length >= rowLimit) break;
    }
  }
  // Listed in the workbook's order (the tabs as the user sees them), not the zip's.
  const rank = (name: string) => {
    const at = names.order.indexOf(name);
    return at === -1 ? names.order.length : at;
  };
  return sheets.sort((a, b) => rank(a.name) - rank(b.name));
}

const XLSX_BATCH = 1_000;

/**
 * The rows of one sheet, a thousand at a time; `onBytes` hears how much of the (zipped) file
 * has been read.
 */
export async function* xlsxRowBatches(
  path: string,
  sheetName: string,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<SourceRow[]> {
  let found = false;
  const names = await sheetNames(path);
  for await (const sheet of await reader(path, onBytes)) {
    if (nameOf(sheet, names.byPart) !== sheetName) {
      // Leave the other sheets at once; the reader drains them on its way.
      for await (const row of sheet) if (row.number > 0) break;
      continue;
    }
    found = true;
    let batch: SourceRow[] = [];
    for await (const row of sheet) {
      batch.push({ line: row.number, cells: rowCells(row) });
      if (batch.length >= XLSX_BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
  if (!found) throw new Error(`The workbook has no sheet named "${sheetName}"`);
}
