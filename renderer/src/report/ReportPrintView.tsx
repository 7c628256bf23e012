import { useEffect, useState } from 'react';
import type { ReportModel } from '@shared/report/model';
import type { ReportOptions } from '@shared/report/options';
import {
  REPORT_FAILED_TITLE,
  REPORT_READY_TITLE,
  reportDocumentTitle,
} from '@shared/report/print-route';
import { errorMessage } from '../api/client';
import { reportStore } from './report-store';
import { ReportDocument } from './ReportDocument';
import { usePageStyle } from './page-style';
import { useReportPage } from './media-sheet';
import { pageSetup } from './page-setup';
import './report.css';

// The report alone, for the desktop shell's hidden print window and for `kpis report`: made
// from the options `report.options.get` answers (those the user last chose; the command line
// answers with its own), then the window title tells the printer it can print
// (electron/main/report.ts, electron/cli/report-page.ts).

export function ReportPrintView() {
  const [state, setState] = useState<{ report: ReportModel; options: ReportOptions } | null>(null);
  const [error, setError] = useState<string | null>(null);
  usePageStyle(state ? pageSetup(state.report, state.options) : null);
  useReportPage();

  useEffect(() => {
    (async () => {
      const options = await reportStore.readOptions();
      const report = await reportStore.readReport(options);
      setState({ report, options });
    })().catch((cause: unknown) => {
      setError(errorMessage(cause));
      document.title = REPORT_FAILED_TITLE;
    });
  }, []);

  useEffect(() => {
    if (!state) return;
    void document.fonts.ready.then(() =>
      requestAnimationFrame(() => {
        document.title = REPORT_READY_TITLE;
        // Then the report's own title, which the PDF takes as its Title (printSignals).
        requestAnimationFrame(() => {
          document.title = reportDocumentTitle(state.options);
        });
      }),
    );
  }, [state]);

  if (error) return <p role="alert">{error}</p>;
  return state ? (
    <div
      className="report-paper"
      data-paper={state.options.paper}
      data-orientation={state.options.orientation}
    >
      <ReportDocument report={state.report} options={state.options} />
    </div>
  ) : null;
}
