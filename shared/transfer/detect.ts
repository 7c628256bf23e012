import { readPeriodCell, type CellReadOptions } from './read-cells';
import { cellText, isBlankRow, type Cell, type SourceRow } from './table';
import type { ValueMapping } from './value-rows';
import { guessNumberStyle, type NumberStyleGuess } from './number-style';

// A first guess at how a values file is laid out, from its first rows: where the header is
// (a title may sit above it), long or wide, which column is which, and how its numbers and
// dates are written. The wizard shows the guess and the user can change every part of it.

export interface LayoutGuess {
  mapping: ValueMapping;
  header: Cell[];
  numberLocale: string;
  /** Whether the file settles its number style, and a number that reads two ways if not. */
  numberStyle: NumberStyleGuess;
  dayFirst: boolean;
}

const KPI_HEADER = /\b(kpi|kpis|name|measure|indicator|metric|kennzahl|indicateur|indicador)\b/iu;
const PERIOD_HEADER =
  /\b(period|periode|période|month|monat|mois|date|datum|quarter|year|jahr)\b/iu;
const VALUE_HEADER = /\b(value|actual|amount|wert|ist|valeur|valor|result)\b/iu;
const COMMENT_HEADER = /\b(comment|comments|note|notes|remark|remarks|kommentar|commentaire)\b/iu;

function filledCount(cells: readonly Cell[]): number {
  return cells.filter((cell) => cellText(cell).trim() !== '').length;
}

/** The header: the first row nearly as full as the rows under it, with some text in it. */
export function guessHeaderLine(rows: readonly SourceRow[]): number {
  const data = rows.filter((row) => !isBlankRow(row.cells));
  for (let i = 0; i < data.length; i += 1) {
    const row = data[i] as SourceRow;
    const below = data.slice(i + 1, i + 6).map((next) => filledCount(next.cells));
    const typical = below.length === 0 ? 0 : Math.max(...below);
    const filled = filledCount(row.cells);
    const hasText = row.cells.some((cell) => typeof cell === 'string' && cell.trim() !== '');
    if (hasText && filled >= 2 && filled >= Math.ceil(typical * 0.6)) return row.line;
  }
  return data[0]?.line ?? 1;
}

function columnWhere(
  header: readonly Cell[],
  pattern: RegExp,
  exclude: readonly number[],
): number | null {
  const index = header.findIndex(
    (cell, column) => !exclude.includes(column) && pattern.test(cellText(cell)),
  );
  return index === -1 ? null : index;
}

function share(values: readonly Cell[], test: (cell: Cell) => boolean): number {
  const filled = values.filter((cell) => cellText(cell).trim() !== '');
  return filled.length === 0 ? 0 : filled.filter(test).length / filled.length;
}

/** Guesses the layout; `userLocale` settles what the file leaves open. */
export function guessLayout(rows: readonly SourceRow[], userLocale: string): LayoutGuess {
  const headerLine = guessHeaderLine(rows);
  const header = rows.find((row) => row.line === headerLine)?.cells ?? [];
  const body = rows.filter((row) => row.line > headerLine && !isBlankRow(row.cells));
  const columnCells = (column: number): Cell[] => body.map((row) => row.cells[column] ?? null);
  const dayFirst = guessDayFirst(body, userLocale);
  const options: CellReadOptions = {
    numberLocale: userLocale,
    dayFirst,
    fiscalYearStartMonth: 1,
  };
  const width = Math.max(header.length, ...body.map((row) => row.cells.length));
  const columns = Array.from({ length: width }, (_, column) => column);

  const periodHeaders = columns.filter(
    (column) =>
      cellText(header[column]).trim() !== '' && readPeriodCell(header[column] ?? null, options).ok,
  );
  const kpiByName = columnWhere(header, KPI_HEADER, periodHeaders);
  const textColumn = columns.find(
    (column) =>
      !periodHeaders.includes(column) &&
      share(
        columnCells(column),
        (cell) => typeof cell === 'string' && !/^[\d\s.,%()€$£-]+$/u.test(cell),
      ) > 0.5,
  );
  const kpiColumn = kpiByName ?? textColumn ?? 0;
  const numberStyle = guessNumberStyle(body, userLocale);
  const numberLocale = numberStyle.locale;

  if (periodHeaders.length >= 2) {
    return {
      mapping: { layout: 'wide', headerLine, kpiColumn, periodColumns: periodHeaders },
      header,
      numberLocale,
      numberStyle,
      dayFirst,
    };
  }
  const used = [kpiColumn];
  const periodColumn =
    columnWhere(header, PERIOD_HEADER, used) ??
    columns.find(
      (column) =>
        !used.includes(column) &&
        share(columnCells(column), (cell) => readPeriodCell(cell, options).ok) > 0.8,
    ) ??
    (kpiColumn === 0 ? 1 : 0);
  used.push(periodColumn);
  const valueColumn =
    columnWhere(header, VALUE_HEADER, used) ??
    columns.find(
      (column) =>
        !used.includes(column) &&
        share(
          columnCells(column),
          (cell) => typeof cell === 'number' || /\d/u.test(cellText(cell)),
        ) > 0.8,
    ) ??
    columns.find((column) => !used.includes(column)) ??
    2;
  used.push(valueColumn);
  const commentColumn = columnWhere(header, COMMENT_HEADER, used);
  return {
    mapping: { layout: 'long', headerLine, kpiColumn, periodColumn, valueColumn, commentColumn },
    header,
    numberLocale,
    numberStyle,
    dayFirst,
  };
}

/** 25/03/2026 can only be day first, 03/25/2026 only month first; else the user's habit. */
function guessDayFirst(rows: readonly SourceRow[], userLocale: string): boolean {
  for (const row of rows) {
    for (const cell of row.cells) {
      const m =
        typeof cell === 'string'
          ? /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}$/u.exec(cell.trim())
          : null;
      if (!m) continue;
      if (Number(m[1]) > 12) return true;
      if (Number(m[2]) > 12) return false;
    }
  }
  return !/^en-US$|^en-PH$|^es-US$/u.test(userLocale);
}
