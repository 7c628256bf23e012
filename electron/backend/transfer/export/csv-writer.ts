import Papa from 'papaparse';
import { neutraliseText } from '@shared/transfer/injection';
import type { TableCell, ValueTable } from './value-table';

// CSV as Excel and LibreOffice read it without an import dialog: UTF-8 with a byte-order mark
// (without it Excel on Windows reads accents as Windows-1252), comma-separated, CRLF, fields
// quoted when needed. Text is neutralised against formula injection; numbers are written as
// plain numbers (JavaScript's shortest round-trip form, "." decimal point) and never quoted.

export const UTF8_BOM = '\uFEFF';

function csvCell(cell: TableCell): string | number {
  if (cell === null) return '';
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'string') return neutraliseText(cell);
  // A period as its canonical key: 2026-03, 2026-Q1, 2026-W05, 2026-03-31, 2026.
  return cell.period.key;
}

export function tableToCsv(table: ValueTable): string {
  const body = Papa.unparse(
    {
      fields: table.columns.map((column) => neutraliseText(column.header)),
      data: table.rows.map((row) => row.cells.map(csvCell)),
    },
    { newline: '\r\n', quotes: false, escapeFormulae: false },
  );
  return `${UTF8_BOM}${body}\r\n`;
}
