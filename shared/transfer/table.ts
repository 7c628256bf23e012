// A spreadsheet as the import reads it: rows of cells, each row knowing where it came from, so
// every problem can name its line (CSV) or sheet and cell (XLSX).

/** A day from a real spreadsheet date cell, kept apart from text and numbers. */
export interface DateCell {
  day: string;
}

/** A workbook formula whose result was never stored (written by a program, not calculated). */
export interface FormulaCell {
  formula: string;
}

export type Cell = string | number | boolean | DateCell | FormulaCell | null;

export interface SourceRow {
  /** 1-based line of the file where the row starts (CSV), or the sheet's row number (XLSX). */
  line: number;
  cells: Cell[];
}

export type SourceKind = 'csv' | 'xlsx';

export interface SourceLocation {
  kind: SourceKind;
  sheet: string | null;
}

export function isDateCell(cell: Cell): cell is DateCell {
  return typeof cell === 'object' && cell !== null && 'day' in cell;
}

export function isFormulaCell(cell: Cell): cell is FormulaCell {
  return typeof cell === 'object' && cell !== null && 'formula' in cell;
}

/** A1-style column letters: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Where a cell is, as a user finds it: "line 12" in a CSV, "Sheet1!C12" in a workbook. */
export function describeCell(
  location: SourceLocation,
  line: number,
  column: number | null,
): string {
  if (location.kind === 'csv')
    return column === null ? `line ${line}` : `line ${line}, column ${column + 1}`;
  const sheet = location.sheet ?? 'the sheet';
  return column === null ? `${sheet} row ${line}` : `${sheet}!${columnLetters(column)}${line}`;
}

/** A cell as text for previews and for parsing: numbers plain, dates as ISO days. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return 'day' in cell ? cell.day : `=${cell.formula}`;
}

export function isBlankRow(cells: readonly Cell[]): boolean {
  return cells.every((cell) => cellText(cell).trim() === '');
}
