import { writeFileSync } from 'node:fs';
import type {
  ExportResult,
  ValueExportFormat,
  ValueExportLayout,
  ExportDestination,
} from '@shared/api/contract-export';
import type { HandlerContext } from '../../context';
import { getScorecard } from '../../store/records';
import { tableToCsv } from './csv-writer';
import { deliverExport, safeFileStem } from './destination';
import { periodRange } from './period-range';
import { collectValueRows } from './value-rows';
import { valueTable } from './value-table';
import { writeXlsx } from './xlsx-writer';

// export.values: the rows from the scoring engine, laid out long or wide, written as CSV or XLSX.

export interface ValuesExportInput {
  format: ValueExportFormat;
  layout: ValueExportLayout;
  scorecardId?: string | undefined;
  fromPeriod?: string | undefined;
  toPeriod?: string | undefined;
  destination: ExportDestination;
}

const CONTENT_TYPES: Record<ValueExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export async function exportValues(
  ctx: HandlerContext,
  input: ValuesExportInput,
): Promise<ExportResult> {
  const workspace = ctx.workspace();
  const { db } = workspace;
  const range = periodRange(input.fromPeriod, input.toPeriod);
  // One read transaction: the rows are a consistent snapshot even if writes follow.
  const { scope, table } = db.transaction(() => {
    const scorecard =
      input.scorecardId === undefined ? null : getScorecard(db, input.scorecardId, 'scorecardId');
    const { kpis, rows } = collectValueRows(db, { scorecardId: input.scorecardId, range });
    return {
      scope: scorecard?.name ?? workspace.meta().name,
      table: valueTable(input.layout, kpis, rows),
    };
  })();
  const day = ctx.now().slice(0, 10);
  const extension = `.${input.format}`;
  return deliverExport(
    ctx.options.mode,
    input.destination,
    {
      fileName: `${safeFileStem(`${scope} values ${day}`)}${extension}`,
      extension,
      contentType: CONTENT_TYPES[input.format],
    },
    async (path) => {
      if (input.format === 'csv') writeFileSync(path, tableToCsv(table), 'utf8');
      else await writeXlsx(table, path, 'Values', input.layout === 'long' ? 1 : 2);
      return table.rows.length;
    },
  );
}
