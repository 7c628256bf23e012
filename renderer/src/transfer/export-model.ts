import type { ExportDestination, ValueExportLayout } from '@shared/api/contract-export';

// What the export dialog asks for, and the one API call it turns into.

export type ExportFormat = 'csv' | 'xlsx' | 'package';
export type ExportScope = 'workspace' | 'scorecard';

export interface ExportChoice {
  format: ExportFormat;
  layout: ValueExportLayout;
  scope: ExportScope;
  fromPeriod: string;
  toPeriod: string;
}

export const FORMAT_LABELS: Record<ExportFormat, string> = {
  xlsx: 'Excel workbook (XLSX) of values',
  csv: 'CSV of values',
  package: 'JSON package, to import into another copy of the app',
};

export const LAYOUT_LABELS: Record<ValueExportLayout, string> = {
  long: 'Long: one row per KPI and period',
  wide: 'Wide: one row per KPI, one column per period',
};

export type ExportCall =
  | {
      method: 'export.values';
      params: {
        format: 'csv' | 'xlsx';
        layout: ValueExportLayout;
        scorecardId?: string;
        fromPeriod?: string;
        toPeriod?: string;
        locale?: string;
        destination: ExportDestination;
      };
    }
  | {
      method: 'export.package';
      params: { scorecardId?: string; destination: ExportDestination };
    };

export function exportCall(
  choice: ExportChoice,
  scorecardId: string | null,
  destination: ExportDestination,
  locale?: string,
): ExportCall {
  const scope = choice.scope === 'scorecard' && scorecardId ? { scorecardId } : {};
  if (choice.format === 'package')
    return { method: 'export.package', params: { ...scope, destination } };
  const from = choice.fromPeriod.trim();
  const to = choice.toPeriod.trim();
  return {
    method: 'export.values',
    params: {
      format: choice.format,
      layout: choice.layout,
      ...scope,
      ...(from ? { fromPeriod: from } : {}),
      ...(to ? { toPeriod: to } : {}),
      // Month names in the bounds are read in the user's language too ("März 2026").
      ...((from || to) && locale ? { locale } : {}),
      destination,
    },
  };
}
