import { parseLocaleNumber } from '@shared/parse/number';

// A block copied from a spreadsheet arrives as text: rows separated by line breaks, cells by
// tabs. Quoted cells (a spreadsheet quotes cells holding tabs or line breaks) are unquoted.

export function splitBlock(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text.charAt(i + 1) === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text.charAt(i + 1) === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

export interface PastedCell {
  row: number;
  column: number;
  /** null: the cell was empty and is left alone. */
  value: number | null;
}

/**
 * Numbers of a pasted block placed at (row, column) of a grid of `rows` × `columns`, or the
 * first problem, naming the cell by its KPI and period labels.
 */
export function readBlock(
  text: string,
  at: { row: number; column: number },
  size: { rows: number; columns: number },
  locale: string,
  nameOf: (row: number, column: number) => string,
): { cells: PastedCell[] } | { error: string } {
  const block = splitBlock(text);
  if (block.length === 0) return { error: 'The clipboard holds nothing to paste.' };
  const width = Math.max(...block.map((line) => line.length));
  if (at.row + block.length > size.rows || at.column + width > size.columns) {
    return {
      error: `The pasted block is ${block.length} × ${width} cells and does not fit from the selected cell; nothing was saved.`,
    };
  }
  const cells: PastedCell[] = [];
  for (const [r, line] of block.entries()) {
    for (const [c, raw] of line.entries()) {
      const row = at.row + r;
      const column = at.column + c;
      if (raw.trim() === '') continue;
      const parsed = parseLocaleNumber(raw, locale);
      if (!parsed.ok)
        return { error: `${nameOf(row, column)}: ${parsed.reason}. Nothing was saved.` };
      cells.push({ row, column, value: parsed.value });
    }
  }
  if (cells.length === 0) return { error: 'The pasted cells are all empty; nothing was saved.' };
  return { cells };
}
