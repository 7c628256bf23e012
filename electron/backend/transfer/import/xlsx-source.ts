import { createReadStream } from 'node:fs';
import type ExcelJS from 'exceljs';
import type { Cell, SourceRow } from '@shared/transfer/table';

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
    if (result === undefined || result === null) return null;
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
  return new Excel.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
}

/** The reader sets each sheet's name from the workbook, though its typings leave it out. */
function nameOf(sheet: ExcelJS.stream.xlsx.WorksheetReader): string {
  return (sheet as unknown as { name: string }).name;
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
  for await (const sheet of await reader(path)) {
    const preview: SheetPreview = { name: nameOf(sheet), rows: [] };
    sheets.push(preview);
    for await (const row of sheet) {
      preview.rows.push({ line: row.number, cells: rowCells(row) });
      // Leaving a sheet early is safe: the reader drains the rest on its way to the next one.
      if (preview.rows.length >= rowLimit) break;
    }
  }
  return sheets;
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
  for await (const sheet of await reader(path, onBytes)) {
    if (nameOf(sheet) !== sheetName) {
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
