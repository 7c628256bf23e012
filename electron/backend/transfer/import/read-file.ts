import { statSync } from 'node:fs';
import { guessLayout } from '@shared/transfer/detect';
import type { SourceKind, SourceRow } from '@shared/transfer/table';
import type { MatchableKpi } from '@shared/transfer/kpi-matcher';
import type { CellReadOptions } from '@shared/transfer/read-cells';
import {
  ValueRowReader,
  type RowsRead,
  type UnknownKpiPolicy,
  type ValueMapping,
} from '@shared/transfer/value-rows';
import type { CsvFormat } from './csv-source';
import type { InspectRequest, InspectResult, RowsRequest } from './protocol';
import { checkWorkbookLimits, WorkbookTooLarge } from './zip-limits';

// What the import worker does with a file: a first look (sheets, first rows, a layout guess),
// and the full read that turns every row into values or problems, batch by batch.

import { FileProblem, sourceKindOf } from './source-kind';

export { FileProblem, sourceKindForApi, sourceKindOf } from './source-kind';

// Each kind's parser is loaded when a file of that kind is first read (or when a reader thread
// is started for one, loadSource below): papaparse and iconv-lite for a CSV, the zip and XML
// reading for a workbook. A thread that reads one kind does not load the other's modules, and
// a reader started just before an import is ready tens of milliseconds sooner.
const csvSource = (): Promise<typeof import('./csv-source')> => import('./csv-source');
const xlsxSource = (): Promise<typeof import('./xlsx-source')> => import('./xlsx-source');

/** Loads the modules that read files of `kind`, ahead of the read. */
export async function loadSource(kind: SourceKind): Promise<void> {
  await (kind === 'csv' ? csvSource() : xlsxSource());
}

/** Refuses a spreadsheet bomb before any of it is parsed (zip-limits.ts). */
async function checkWorkbook(path: string): Promise<void> {
  try {
    await checkWorkbookLimits(path);
  } catch (error) {
    if (error instanceof WorkbookTooLarge) throw new FileProblem(error.message);
    throw error;
  }
}

export async function inspectFile(request: InspectRequest): Promise<InspectResult> {
  const kind = sourceKindOf(request.path);
  const sizeBytes = statSync(request.path).size;
  if (kind === 'csv') {
    const { csvRows, sniffCsv } = await csvSource();
    const format = request.format ?? sniffCsv(request.path);
    const rows: SourceRow[] = [];
    for await (const row of csvRows(request.path, format)) {
      rows.push(row);
      if (rows.length >= request.rowLimit) break;
    }
    if (rows.length === 0) throw new FileProblem('The file has no rows.');
    return {
      kind,
      sizeBytes,
      format,
      sheets: [],
      sheet: null,
      rows,
      guess: guessLayout(rows, request.userLocale),
    };
  }
  await checkWorkbook(request.path);
  let sheets;
  try {
    const { previewWorkbook } = await xlsxSource();
    sheets = await previewWorkbook(request.path, request.rowLimit);
  } catch (error) {
    throw new FileProblem(
      `The workbook cannot be read (${error instanceof Error ? error.message : String(error)}); is it a damaged or password-protected file?`,
    );
  }
  if (sheets.length === 0) throw new FileProblem('The workbook has no sheets.');
  const chosen =
    request.sheet === undefined
      ? // A notes or cover sheet often comes first; the data is on the first sheet with rows.
        (sheets.find((sheet) => sheet.rows.length > 1) ?? sheets[0])
      : sheets.find((sheet) => sheet.name === request.sheet);
  if (!chosen) throw new FileProblem(`The workbook has no sheet named "${request.sheet ?? ''}".`);
  return {
    kind,
    sizeBytes,
    format: null,
    sheets: sheets.map((sheet) => sheet.name),
    sheet: chosen.name,
    rows: chosen.rows,
    guess: guessLayout(chosen.rows, request.userLocale),
  };
}

/** The rows of a file, a batch at a time, read by its kind's parser. */
async function rowBatches(
  source: { path: string; kind: SourceKind; format: CsvFormat | null; sheet: string | null },
  onBytes?: (bytesRead: number) => void,
): Promise<AsyncGenerator<SourceRow[]>> {
  if (source.kind === 'csv') {
    const { csvRowBatches, sniffCsv } = await csvSource();
    return csvRowBatches(source.path, source.format ?? sniffCsv(source.path), onBytes);
  }
  const { xlsxRowBatches } = await xlsxSource();
  return xlsxRowBatches(source.path, source.sheet ?? '', onBytes);
}

export interface ReadSink {
  /** Awaited, so the reader can pause for cancellation or a busy consumer. */
  batch(read: RowsRead, bytesRead: number): Promise<void>;
}

export interface ReadValuesRequest {
  source: { path: string; kind: SourceKind; format: CsvFormat | null; sheet: string | null };
  mapping: ValueMapping;
  options: CellReadOptions;
  kpis: readonly MatchableKpi[];
  unknownPolicy: UnknownKpiPolicy;
  batchSize: number;
}

/** Reads every row of the file into values and problems, a batch at a time. */
export async function readValues(request: ReadValuesRequest, sink: ReadSink) {
  const { source } = request;
  const location = { kind: source.kind, sheet: source.sheet };
  if (source.kind === 'xlsx') await checkWorkbook(source.path);
  let bytesRead = 0;
  const onBytes = (bytes: number): void => {
    bytesRead = bytes;
  };
  const batches = await rowBatches(source, onBytes);
  let reader: ValueRowReader | null = null;
  let read: RowsRead = { values: [], newKpiValues: [], problems: [] };
  let pending = 0;
  const flush = async (): Promise<void> => {
    const batch = read;
    read = { values: [], newKpiValues: [], problems: [] };
    pending = 0;
    await sink.batch(batch, bytesRead);
  };
  for await (const rows of batches) {
    for (const row of rows) {
      if (reader === null) {
        if (row.line < request.mapping.headerLine) continue;
        // The header is the first row at or after the header line (a blank one is skipped).
        reader = new ValueRowReader(
          request.kpis,
          row.cells,
          request.mapping,
          request.options,
          location,
          request.unknownPolicy,
        );
        continue;
      }
      reader.read(row, read);
      pending += 1;
    }
    if (pending >= request.batchSize) await flush();
  }
  if (reader === null)
    throw new FileProblem(`The file has no header row at line ${request.mapping.headerLine}.`);
  await flush();
  return { unknownNames: [...reader.unknownNames.values()], bytesRead };
}

/** All rows of a short file; a long one is refused (it is not a list of KPIs). */
export async function readAllRows(request: RowsRequest): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  if (request.kind === 'xlsx') await checkWorkbook(request.path);
  const source = await rowBatches(request);
  for await (const batch of source) {
    rows.push(...batch);
    if (rows.length > request.limit)
      throw new FileProblem(
        `The file has more than ${request.limit.toLocaleString('en-GB')} rows, more than a list of KPIs has; is it a file of values?`,
      );
  }
  return rows;
}
