import type { SourceKind, SourceRow } from './table';
import type { LayoutGuess } from './detect';
import type { ImportProblem, UnknownKpiName } from './value-rows';

// What the import wizard shows: the file at first look, then the dry run, then the result.

export interface CsvFormatInfo {
  encoding: 'utf-8' | 'utf-16le' | 'windows-1252';
  delimiter: ',' | ';' | '\t' | '|';
}

export interface ImportPreview {
  fileName: string;
  kind: SourceKind;
  sizeBytes: number;
  format: CsvFormatInfo | null;
  sheets: string[];
  sheet: string | null;
  rows: SourceRow[];
  guess: LayoutGuess;
}

export interface ValueChange {
  kpiName: string;
  period: string;
  oldValue: number;
  newValue: number;
  oldComment: string;
  newComment: string | null;
}

/** A new value as the dry run lists it. */
export interface NewValue {
  kpiName: string;
  period: string;
  value: number;
  /** Where it is in the file ("line 12", "Data!C7"). */
  where: string;
}

/** What one KPI gets from the file. */
export interface KpiImportCounts {
  kpiId: string;
  kpiName: string;
  newValues: number;
  changedValues: number;
  unchangedValues: number;
}

/**
 * Values that are probably misread, for the user to confirm or correct before applying:
 * - `magnitude`: about 100× or 1000× off the KPI's recent values (a decimal mark misread);
 * - `percent_fraction`: a Percent KPI given fractions (0.915 for 91.5 %).
 */
export type ImportFlag =
  | {
      kind: 'magnitude';
      kpiId: string;
      kpiName: string;
      count: number;
      period: string;
      value: number;
      /** The KPI's typical recent value (median of its last stored values). */
      typical: number;
      /** Roughly how many times larger (>1) or smaller (<1) than typical: 100, 1000, 0.01… */
      factor: number;
    }
  | { kind: 'percent_fraction'; kpiId: string; kpiName: string; count: number; example: number };

export interface ImportSummary {
  newValues: number;
  changedValues: number;
  unchangedValues: number;
  /** Rows (or cells of a wide file) that cannot be imported. */
  problemCount: number;
  /** The first problems, in file order. */
  problems: ImportProblem[];
  /** The first changes, old → new. */
  changes: ValueChange[];
  /** Names in the file that match no KPI, with how many values each has. */
  unknownKpis: UnknownKpiName[];
  /** New KPIs that applying will create (the user chose to create unknown KPIs). */
  kpisToCreate: number;
  /** The first new values of each KPI, in file order. */
  newSample: NewValue[];
  /** New, changed and unchanged values per KPI. */
  perKpi: KpiImportCounts[];
  /** Values that look misread; applying waits for the user to confirm them. */
  flags: ImportFlag[];
}

export interface ImportResult {
  inserted: number;
  updated: number;
  unchanged: number;
  kpisCreated: number;
}

export type ImportPhase = 'reading' | 'ready' | 'applying' | 'applied' | 'cancelled' | 'failed';

export interface ImportJobStatus {
  id: string;
  fileName: string;
  phase: ImportPhase;
  progress: { done: number; total: number; unit: 'bytes' | 'values' };
  summary: ImportSummary | null;
  result: ImportResult | null;
  /** Why the import failed, for the user. */
  message: string | null;
}

/** How many problems and changes a summary lists; the counts are always complete. */
export const SUMMARY_LIST_LIMIT = 500;

/** KPI definitions imported (or, for the dry run, that would be) from a spreadsheet. */
export interface DefinitionImportResult {
  fileName: string;
  /** False for the dry run: nothing was written. */
  applied: boolean;
  created: number;
  updated: number;
  unchanged: number;
  /** Links between objectives added from the "supports" column (strategy map). */
  links: number;
  problemCount: number;
  problems: ImportProblem[];
  /** What happens to each row, in file order (the first rows). */
  rows: { line: number; name: string; outcome: 'created' | 'updated' | 'unchanged' }[];
}
