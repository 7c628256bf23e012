import type { MethodParams } from '@shared/api/contract';
import type { ReportOptions, ReportOptionsInput } from '@shared/report/options';
import { api } from '../api/client';

// The board report's calls: the options remembered in the workspace, the report's data, and the
// desktop app's PDF. The preview reads its data again when the backend announces a change
// (use-report.ts); saving options changes no data any view shows.

export const reportStore = {
  readOptions: () => api.call('report.options.get', {}),
  saveOptions: (options: ReportOptions) => api.call('report.options.set', options),
  readReport: (request: ReportOptionsInput) => api.call('report.data', request),
  savePdf: (params: MethodParams<'report.savePdf'>) => api.call('report.savePdf', params),
};
