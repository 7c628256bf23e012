// How the desktop shell asks a hidden window for the report alone, and how that window says
// the report is laid out and ready to print (its title changes: no script injection needed).
// The command line (`kpis report`) asks browser mode the same with a query, since the URL
// fragment there carries the launch token and is cleared once read.

export const REPORT_PRINT_HASH = '#print-report';
export const REPORT_PRINT_QUERY = '?print-report';
export const REPORT_READY_TITLE = 'KPI Scorecard report ready';
export const REPORT_FAILED_TITLE = 'KPI Scorecard report failed';
