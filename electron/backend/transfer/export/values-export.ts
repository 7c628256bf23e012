import type {
  ExportResult,
  ValueExportFormat,
  ValueExportLayout,
  ExportDestination,
} from '@shared/api/contract-export';
import type { HandlerContext } from '../../context';
import { getScorecard } from '../../store/records';
import { askWorker } from '../import/file-reader';
import { deliverExport, safeFileStem } from './destination';
import { periodRange } from './period-range';
import type { ValuesFileRequest } from './write-values';

// export.values: the rows from the scoring engine, laid out long or wide, written as CSV or XLSX.

export interface ValuesExportInput {
  format: ValueExportFormat;
  layout: ValueExportLayout;
  scorecardId?: string | undefined;
  fromPeriod?: string | undefined;
  toPeriod?: string | undefined;
  /** For month names in the period bounds. */
  locale?: string | undefined;
  destination: ExportDestination;
}

const CONTENT_TYPES: Record<ValueExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Writes the file on the import worker's thread, with the workspace file lent to it. */
async function writeOnWorker(
  ctx: HandlerContext,
  file: ValuesFileRequest,
  workerPath: string,
): Promise<number> {
  const workspace = ctx.workspace();
  workspace.lend();
  try {
    return await askWorker(
      workerPath,
      {
        type: 'exportValues',
        request: { workspacePath: workspace.path, nativeBinding: workspace.nativeBinding, file },
      },
      (message) => (message.type === 'exported' ? message.rows : undefined),
    );
  } finally {
    workspace.reclaim();
  }
}

export async function exportValues(
  ctx: HandlerContext,
  input: ValuesExportInput,
): Promise<ExportResult> {
  const workspace = ctx.workspace();
  const { db } = workspace;
  const range = periodRange(input.fromPeriod, input.toPeriod, {
    locale: input.locale,
    fiscalYearStartMonth: workspace.meta().fiscalYearStartMonth,
  });
  const scope =
    input.scorecardId === undefined
      ? workspace.meta().name
      : getScorecard(db, input.scorecardId, 'scorecardId').name;
  const day = ctx.now().slice(0, 10);
  const extension = `.${input.format}`;
  const workerPath = ctx.options.importWorkerPath;
  return deliverExport(
    ctx.options.mode,
    input.destination,
    {
      fileName: `${safeFileStem(`${scope} values ${day}`)}${extension}`,
      extension,
      contentType: CONTENT_TYPES[input.format],
    },
    (path) => {
      const file: ValuesFileRequest = {
        format: input.format,
        layout: input.layout,
        scorecardId: input.scorecardId,
        range,
        path,
      };
      // Evaluating and writing tens of thousands of values takes seconds: off the event loop
      // that serves the window, where the host gave a worker script.
      // The writers (exceljs, papaparse) load on first use, not with the app.
      return workerPath === undefined
        ? import('./write-values').then(({ writeValuesFile }) => writeValuesFile(db, file))
        : writeOnWorker(ctx, file, workerPath);
    },
  );
}
