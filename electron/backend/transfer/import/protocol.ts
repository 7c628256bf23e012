import type { ServerEvents } from '@shared/api/events';
import type { Frequency } from '@shared/domain/kpi';
import type { LayoutGuess } from '@shared/transfer/detect';
import type { ImportResult, ImportSummary } from '@shared/transfer/import-status';
import type { SourceKind, SourceRow } from '@shared/transfer/table';
import type { ValueMapping } from '@shared/transfer/value-rows';
import type { ValuesFileRequest } from '../export/write-values';
import type { CsvFormat } from './csv-source';

// Messages between the backend and the import worker thread. The worker reads and parses the
// file and, with the workspace file lent to it, stages, compares and writes the values, so
// the event loop that serves the window never waits on a large import.

export interface InspectRequest {
  path: string;
  /** Chosen by the user; left out, the first sheet with rows. */
  sheet?: string | undefined;
  /** Chosen by the user; left out, sniffed from the file. */
  format?: CsvFormat | undefined;
  userLocale: string;
  rowLimit: number;
}

export interface InspectResult {
  kind: SourceKind;
  sizeBytes: number;
  format: CsvFormat | null;
  sheets: string[];
  sheet: string | null;
  rows: SourceRow[];
  guess: LayoutGuess;
}

export interface ImportRequest {
  workspacePath: string;
  nativeBinding: string | undefined;
  deviceId: string;
  enteredBy: string;
  nowIso: string;
  fileName: string;
  source: { path: string; kind: SourceKind; format: CsvFormat | null; sheet: string | null };
  mapping: ValueMapping;
  numberLocale: string;
  dayFirst: boolean;
  newKpis: { objectiveId: string; frequency: Frequency } | null;
  /** Percent KPIs whose values are written as fractions in the file (×100 when stored). */
  fractionsAsPercent: string[];
}

/** Every row of a short file (a KPI list), for the backend to read itself. */
export interface RowsRequest {
  path: string;
  kind: SourceKind;
  sheet: string | null;
  format: CsvFormat | null;
  limit: number;
}

/** A values export written on the worker's thread (the workspace file lent to it). */
export interface ExportRequest {
  workspacePath: string;
  nativeBinding: string | undefined;
  file: ValuesFileRequest;
}

export type ToWorker =
  | { type: 'inspect'; request: InspectRequest }
  | { type: 'rows'; request: RowsRequest }
  | { type: 'start'; request: ImportRequest }
  | { type: 'exportValues'; request: ExportRequest }
  | { type: 'apply' }
  | { type: 'cancel' };

export type FromWorker =
  | { type: 'inspected'; result: InspectResult }
  | { type: 'rows'; rows: SourceRow[] }
  | { type: 'exported'; rows: number }
  | { type: 'progress'; done: number; total: number; unit: 'bytes' | 'values' }
  | { type: 'ready'; summary: ImportSummary }
  /**
   * `changed`: what the import wrote, for the page (the `changed` event), worked out on the
   * worker's connection; null when it wrote nothing.
   */
  | { type: 'applied'; result: ImportResult; changed: ServerEvents['changed'] | null }
  | { type: 'cancelled'; message: string }
  | { type: 'failed'; message: string };
