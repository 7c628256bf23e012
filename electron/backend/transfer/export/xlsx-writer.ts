import ExcelJS from 'exceljs';
import { neutraliseText } from '@shared/transfer/injection';
import type { Period } from '@shared/domain/period';
import type { TableCell, ValueTable } from './value-table';

// XLSX through exceljs's streaming writer, so a large export is written row by row rather than
// held as a whole workbook. Numbers are numeric cells with the KPI's decimals; a header row,
// frozen panes (header row and KPI column) and column widths.
//
// Periods: a month is a real date cell (its first day, shown "mmm yyyy") and a day a real date
// cell ("yyyy-mm-dd"), so they sort and filter as dates. Weeks, quarters and years stay text
// keys (2026-W05, 2026-Q1, 2026): no spreadsheet has a date type for them, and a first-day
// date would read as a month or a day and be misunderstood.
//
// Text that could be run as a formula gets the same leading quote as in CSV: a string cell is
// not evaluated when the file opens, but it is once someone edits it, and consistent output
// across formats is easier to explain.

const MONTH_FORMAT = 'mmm yyyy';
const DAY_FORMAT = 'yyyy-mm-dd';

function numberFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

function periodCell(period: Period): { value: Date | string; numFmt?: string } {
  if (period.frequency === 'monthly' || period.frequency === 'daily') {
    // Midnight UTC: exceljs turns a Date into a serial day number from its UTC time.
    return {
      value: new Date(`${period.start}T00:00:00Z`),
      numFmt: period.frequency === 'monthly' ? MONTH_FORMAT : DAY_FORMAT,
    };
  }
  return { value: period.key };
}

/** One cell; `decimals` are the row's KPI's, so a number shows as the app shows it. */
function writeCell(cell: ExcelJS.Cell, value: TableCell, decimals: number): void {
  if (value === null) return;
  if (typeof value === 'number') {
    cell.value = value;
    cell.numFmt = numberFormat(decimals);
  } else if (typeof value === 'string') {
    cell.value = neutraliseText(value);
  } else {
    const { value: shown, numFmt } = periodCell(value.period);
    cell.value = shown;
    if (numFmt) cell.numFmt = numFmt;
  }
}

export async function writeXlsx(
  table: ValueTable,
  path: string,
  sheetName: string,
  frozenColumns: number,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'KPI Scorecard';
  const sheet = workbook.addWorksheet(sheetName, {
    views: [{ state: 'frozen', xSplit: frozenColumns, ySplit: 1 }],
  });
  sheet.columns = table.columns.map((column) => ({ width: column.width }));
  const header = sheet.addRow(table.columns.map((column) => neutraliseText(column.header)));
  header.font = { bold: true };
  header.commit();
  for (const row of table.rows) {
    const written = sheet.addRow([]);
    row.cells.forEach((value, index) => {
      writeCell(written.getCell(index + 1), value, row.decimals);
    });
    written.commit();
  }
  sheet.commit();
  await workbook.commit();
}
