import { REPORT_PRINT_HASH, REPORT_PRINT_QUERY } from '@shared/report/print-route';
import { platform } from '../api/client';

/**
 * This page is the board report alone: the desktop shell's hidden print window
 * (electron/main/report.ts) or `kpis report` (electron/cli/commands/report.ts).
 */
export function isReportPrintPage(): boolean {
  return (
    (platform === 'desktop' && window.location.hash === REPORT_PRINT_HASH) ||
    (platform === 'browser' && window.location.search === REPORT_PRINT_QUERY)
  );
}
