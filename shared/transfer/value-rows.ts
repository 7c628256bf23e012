import type { Frequency } from '../domain/kpi';
import { plainNumber } from '../parse/number';
import type { PeriodTextParse } from '../parse/period';
import { KpiMatcher, looseName, type MatchableKpi } from './kpi-matcher';
import {
  periodKeyFor,
  readNumberCell,
  readPeriodCell,
  type CellRead,
  type CellReadOptions,
} from './read-cells';
import {
  cellText,
  describeCell,
  isBlankRow,
  type Cell,
  type SourceLocation,
  type SourceRow,
} from './table';

// Rows of a values file turned into (KPI, period, value, comment) entries, or problems that say
// where and why. Long files have one value per row; wide files one row per KPI and a column per
// period, where an empty cell is a gap, not a mistake.

export type ValueMapping =
  | {
      layout: 'long';
      /** The header's line; rows above it (a title) and the header itself are not data. */
      headerLine: number;
      kpiColumn: number;
      periodColumn: number;
      valueColumn: number;
      commentColumn: number | null;
    }
  | { layout: 'wide'; headerLine: number; kpiColumn: number; periodColumns: number[] };

export type UnknownKpiPolicy =
  | { action: 'skip' }
  /** New KPIs get this frequency; their periods are read for it. */
  | { action: 'create'; frequency: Frequency };

export interface ImportProblem {
  line: number;
  where: string;
  message: string;
}

export interface ValueEntryRead {
  kpiId: string;
  period: string;
  value: number;
  /** Null: keep the stored comment. */
  comment: string | null;
  line: number;
}

/** A value for a KPI that does not exist yet (the user chose to create unknown KPIs). */
export interface NewKpiEntryRead {
  name: string;
  period: string;
  value: number;
  comment: string | null;
  line: number;
}

export interface UnknownKpiName {
  name: string;
  rows: number;
  suggestion: string | null;
  firstWhere: string;
}

export interface RowsRead {
  values: ValueEntryRead[];
  newKpiValues: NewKpiEntryRead[];
  problems: ImportProblem[];
}

export class ValueMappingError extends Error {}

export class ValueRowReader {
  private readonly matcher: KpiMatcher;
  private readonly widePeriods: { column: number; parsed: PeriodTextParse }[] = [];
  readonly unknownNames = new Map<string, UnknownKpiName>();
  private readonly periodCache = new Map<string, PeriodTextParse>();
  // Keyed by the cached parse objects, so it grows with the period cache and no further.
  private readonly keyCache = new WeakMap<PeriodTextParse, Map<Frequency, CellRead<string>>>();

  constructor(
    kpis: readonly MatchableKpi[],
    header: readonly Cell[],
    private readonly mapping: ValueMapping,
    private readonly options: CellReadOptions,
    private readonly location: SourceLocation,
    private readonly unknownPolicy: UnknownKpiPolicy,
  ) {
    this.matcher = new KpiMatcher(kpis);
    if (mapping.layout === 'wide') {
      for (const column of mapping.periodColumns) {
        const parsed = readPeriodCell(header[column] ?? null, options);
        if (!parsed.ok) {
          const where = describeCell(location, mapping.headerLine, column);
          throw new ValueMappingError(
            `The header at ${where} ("${cellText(header[column])}") is not a period: ${parsed.reason}`,
          );
        }
        this.widePeriods.push({ column, parsed });
      }
    }
  }

  /** Reads one row; rows up to the header line and blank rows give nothing. */
  read(row: SourceRow, into: RowsRead): void {
    if (row.line <= this.mapping.headerLine) return;
    const { mapping } = this;
    const name = cellText(row.cells[mapping.kpiColumn]).trim();
    if (name === '') {
      // A row with a name is not blank; only one without needs every cell looked at.
      if (!isBlankRow(row.cells))
        this.problem(into, row.line, mapping.kpiColumn, 'has no KPI name');
      return;
    }
    if (mapping.layout === 'long') {
      const comment =
        mapping.commentColumn === null ? null : cellText(row.cells[mapping.commentColumn]).trim();
      this.entry(into, row, name, this.periodOf(row.cells[mapping.periodColumn] ?? null), {
        periodColumn: mapping.periodColumn,
        valueColumn: mapping.valueColumn,
        comment: comment === '' ? null : comment,
      });
      return;
    }
    for (const { column, parsed } of this.widePeriods) {
      const cell = row.cells[column] ?? null;
      if (cellText(cell).trim() === '') continue;
      this.entry(into, row, name, parsed, {
        periodColumn: null,
        valueColumn: column,
        comment: null,
      });
    }
  }

  private periodOf(cell: Cell): PeriodTextParse {
    if (typeof cell !== 'string') return readPeriodCell(cell, this.options);
    let parsed = this.periodCache.get(cell);
    if (!parsed) {
      parsed = readPeriodCell(cell, this.options);
      // Files repeat a few hundred period texts; parsing each once keeps big imports fast.
      if (this.periodCache.size < 50_000) this.periodCache.set(cell, parsed);
    }
    return parsed;
  }

  private entry(
    into: RowsRead,
    row: SourceRow,
    name: string,
    parsedPeriod: PeriodTextParse,
    at: { periodColumn: number | null; valueColumn: number; comment: string | null },
  ): void {
    const match = this.matcher.match(name);
    let frequency: Frequency;
    let kpi: MatchableKpi | null = null;
    if (match.kind === 'found') {
      kpi = match.kpi;
      if (kpi.formula !== null) {
        this.problem(
          into,
          row.line,
          this.mapping.kpiColumn,
          `is ${kpi.name}, which is calculated from its formula; its values are not imported`,
        );
        return;
      }
      frequency = kpi.frequency;
    } else if (match.kind === 'ambiguous') {
      this.problem(
        into,
        row.line,
        this.mapping.kpiColumn,
        `"${name}" could be any of ${match.names.map((n) => `"${n}"`).join(', ')}; write the exact name`,
      );
      return;
    } else {
      this.noteUnknown(
        name,
        match.suggestion,
        describeCell(this.location, row.line, this.mapping.kpiColumn),
      );
      if (this.unknownPolicy.action === 'skip') return;
      frequency = this.unknownPolicy.frequency;
    }

    const period = this.keyFor(parsedPeriod, frequency);
    if (!period.ok) {
      this.problem(into, row.line, at.periodColumn ?? at.valueColumn, period.reason);
      return;
    }
    const cell = row.cells[at.valueColumn] ?? null;
    // A plain number (most cells of a large file) is read without the general parser; it is
    // always within the value limit. Anything else, surrounding spaces included, goes to it.
    let value = typeof cell === 'string' ? plainNumber(cell, this.options.numberLocale) : NaN;
    if (Number.isNaN(value)) {
      const read = readNumberCell(cell, this.options);
      if (!read.ok) {
        this.problem(into, row.line, at.valueColumn, read.reason);
        return;
      }
      value = read.value;
    }
    if (kpi)
      into.values.push({
        kpiId: kpi.id,
        period: period.value,
        value,
        comment: at.comment,
        line: row.line,
      });
    else
      into.newKpiValues.push({
        name: name.replace(/\s+/gu, ' '),
        period: period.value,
        value,
        comment: at.comment,
        line: row.line,
      });
  }

  /** The period key for a KPI's frequency, worked out once per period and frequency. */
  private keyFor(parsed: PeriodTextParse, frequency: Frequency): CellRead<string> {
    let byFrequency = this.keyCache.get(parsed);
    if (!byFrequency) {
      byFrequency = new Map();
      this.keyCache.set(parsed, byFrequency);
    }
    let key = byFrequency.get(frequency);
    if (!key) {
      key = periodKeyFor(parsed, frequency, this.options.fiscalYearStartMonth);
      byFrequency.set(frequency, key);
    }
    return key;
  }

  private noteUnknown(name: string, suggestion: string | null, where: string): void {
    const key = looseName(name);
    const known = this.unknownNames.get(key);
    if (known) known.rows += 1;
    else this.unknownNames.set(key, { name: name.trim(), rows: 1, suggestion, firstWhere: where });
  }

  private problem(into: RowsRead, line: number, column: number, message: string): void {
    into.problems.push({ line, where: describeCell(this.location, line, column), message });
  }
}
