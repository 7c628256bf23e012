// How the desktop shell asks a hidden window for the report alone, and how that window says
// the report is laid out and ready to print (its title changes: no script injection needed).
// The command line (`kpis report`) asks browser mode the same with a query, since the URL
// fragment there carries the launch token and is cleared once read.

export const REPORT_PRINT_HASH = '#print-report';
export const REPORT_PRINT_QUERY = '?print-report';
export const REPORT_READY_TITLE = 'KPI Scorecard report ready';
export const REPORT_FAILED_TITLE = 'KPI Scorecard report failed';

/** The document's title while the report is shown or printed: the PDF's Title is this. */
export function reportDocumentTitle(options: { title: string }): string {
  return options.title.trim() || 'Board report';
}

export type PrintSignal = 'wait' | 'print' | 'failed';

/**
 * The print window's titles, heard in order: "ready", then the report's own title (which the
 * PDF takes as its Title), and only then is it printed.
 */
export function printSignals(): (title: string) => PrintSignal {
  let ready = false;
  return (title) => {
    if (title === REPORT_FAILED_TITLE) return 'failed';
    if (ready) return 'print';
    if (title === REPORT_READY_TITLE) ready = true;
    return 'wait';
  };
}
