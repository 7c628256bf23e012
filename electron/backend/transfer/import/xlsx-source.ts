import { isAscii } from 'node:buffer';
import type { SourceRow } from '@shared/transfer/table';
import { SheetRows, type SheetContext } from './sheet-rows';
import { sharedStrings, styleFormats } from './workbook-parts';
import { workbookInfo, type WorkbookSheet } from './workbook-sheets';
import { XmlScanner } from './xml-scan';
import { openWorkbookZip, type WorkbookZip } from './xlsx-zip';
import { ZIP_LIMITS } from './zip-limits';

// Workbooks read straight from their zip: one sheet at a time, a piece of its XML at a time,
// so a large workbook is never held whole (sheet-rows.ts says how cells are read). exceljs's
// streaming reader did this before; its general XML parsing made reading a sheet of values
// cost about as much as the rest of an import together, and exceljs took a few hundred
// milliseconds to load in each thread that read a workbook.

/** The parts every sheet's cells refer to, read once per workbook. */
async function sheetContext(zip: WorkbookZip, date1904: boolean): Promise<SheetContext> {
  const [strings, formats] = await Promise.all([sharedStrings(zip), styleFormats(zip)]);
  return { strings, formats, date1904 };
}

/**
 * The rows of one sheet part, a piece of the file at a time; `stop` ends the read early once
 * enough rows have come.
 */
async function* sheetRows(
  zip: WorkbookZip,
  sheet: WorkbookSheet,
  context: SheetContext,
  onBytes?: (position: number) => void,
): AsyncGenerator<SourceRow[]> {
  const part = zip.part(sheet.part);
  if (!part) return;
  const rows = new SheetRows(context);
  const scanner = new XmlScanner(rows);
  let decoder: TextDecoder | null = null;
  /** Whether every piece so far was ASCII, so the decoder holds no part of a character. */
  let ascii = true;
  for await (const chunk of zip.stream(part, ZIP_LIMITS.worksheetBytes, onBytes)) {
    // Excel writes UTF-8; a UTF-16 part says so with its byte order mark.
    decoder ??= new TextDecoder(chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : 'utf-8');
    // A sheet of numbers and codes is mostly ASCII, which is its own UTF-8: copied as Latin-1,
    // about twice as fast as decoding.
    ascii &&= decoder.encoding === 'utf-8' && isAscii(chunk);
    scanner.feed(ascii ? chunk.toString('latin1') : decoder.decode(chunk, { stream: true }));
    if (rows.pending > 0) yield rows.take();
  }
  if (decoder) scanner.feed(decoder.decode());
  scanner.end();
  if (rows.pending > 0) yield rows.take();
}

async function withWorkbook<T>(path: string, read: (zip: WorkbookZip) => Promise<T>): Promise<T> {
  const zip = await openWorkbookZip(path);
  try {
    return await read(zip);
  } finally {
    await zip.close();
  }
}

export interface SheetPreview {
  name: string;
  rows: SourceRow[];
}

/** Every sheet's name and first rows, in the workbook's order; the rest of each is not read. */
export function previewWorkbook(path: string, rowLimit: number): Promise<SheetPreview[]> {
  return withWorkbook(path, async (zip) => {
    const { sheets, date1904 } = await workbookInfo(zip);
    const context = await sheetContext(zip, date1904);
    const previews: SheetPreview[] = [];
    for (const sheet of sheets) {
      const preview: SheetPreview = { name: sheet.name, rows: [] };
      previews.push(preview);
      for await (const rows of sheetRows(zip, sheet, context)) {
        preview.rows.push(...rows.slice(0, rowLimit - preview.rows.length));
        if (preview.rows.length >= rowLimit) break;
      }
    }
    return previews;
  });
}

const XLSX_BATCH = 1_000;

/**
 * The rows of one sheet, about a thousand at a time; `onBytes` hears how much of the (zipped)
 * file has been read.
 */
export async function* xlsxRowBatches(
  path: string,
  sheetName: string,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<SourceRow[]> {
  const zip = await openWorkbookZip(path);
  try {
    const { sheets, date1904 } = await workbookInfo(zip);
    const sheet = sheets.find((candidate) => candidate.name === sheetName);
    if (!sheet) throw new Error(`The workbook has no sheet named "${sheetName}"`);
    const context = await sheetContext(zip, date1904);
    let batch: SourceRow[] = [];
    for await (const rows of sheetRows(zip, sheet, context, onBytes)) {
      batch = batch.length === 0 ? rows : batch.concat(rows);
      if (batch.length >= XLSX_BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  } finally {
    await zip.close();
  }
}
