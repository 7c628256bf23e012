import { writeFileSync } from 'node:fs';
import type { ValueExportFormat, ValueExportLayout } from '@shared/api/contract-export';
import type { Db } from '../../workspace/connection';
import { tableToCsv } from './csv-writer';
import type { PeriodRange } from './period-range';
import { collectValueRows } from './value-rows';
import { valueTable } from './value-table';

// The heavy part of a values export — evaluating every value's status and writing the file —
// as one function of a connection, so it can run on the import worker's thread.

export interface ValuesFileRequest {
  format: ValueExportFormat;
  layout: ValueExportLayout;
  scorecardId: string | undefined;
  range: PeriodRange;
  path: string;
}

/** Writes the file and says how many rows it has. */
export async function writeValuesFile(db: Db, request: ValuesFileRequest): Promise<number> {
  // One read transaction: the rows are a consistent snapshot.
  const table = db.transaction(() => {
    const { kpis, rows } = collectValueRows(db, {
      scorecardId: request.scorecardId,
      range: request.range,
    });
    return valueTable(request.layout, kpis, rows);
  })();
  if (request.format === 'csv') writeFileSync(request.path, tableToCsv(table), 'utf8');
  else {
    // exceljs is large, and this module is part of the import worker, which also starts as an
    // import's file reader: loaded when a workbook is written, not with every CSV import.
    const { writeXlsx } = await import('./xlsx-writer');
    await writeXlsx(table, request.path, 'Values', request.layout === 'long' ? 1 : 2);
  }
  return table.rows.length;
}
