import { useEffect, useRef, useState } from 'react';
import { reportDocumentTitle } from '@shared/report/print-route';
import { errorMessage, platform } from '../api/client';
import { reportStore } from './report-store';
import { Alert } from '../ui/Alert';
import { useScorecardStore } from '../scorecard/scorecard-store';
import { ReportDocument } from './ReportDocument';
import { ReportOptionsForm } from './ReportOptionsForm';
import { usePageStyle } from './page-style';
import { useReportPage } from './media-sheet';
import { pageSetup, pdfFileName } from './page-setup';
import { STAGE_LABELS, useReport } from './use-report';
import { usePreviewScale, ZOOMS, type Zoom } from './preview-zoom';
import './report.css';

// The board report: options on the side, the document as it will print in the middle, and
// "Save PDF". The PDF comes from Chromium's print engine either way: the desktop app prints a
// hidden window to a file (electron/main/report.ts); browser mode opens the browser's print
// dialog, whose "Save as PDF" destination is the same engine.

export function ReportScreen({ onClose }: { onClose(): void }) {
  const selectedId = useScorecardStore((state) => state.selectedId);
  const scorecards = useScorecardStore((state) => state.scorecards);
  const { options, update, report, stage, error } = useReport(selectedId);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [zoom, setZoom] = useState<Zoom>('fit');
  const previewRef = useRef<HTMLElement>(null);
  const paperRef = useRef<HTMLDivElement>(null);
  const { scale, frame } = usePreviewScale(zoom, previewRef, paperRef, report);
  usePageStyle(report && options ? pageSetup(report, options) : null);
  useReportPage();
  // The browser's "Save as PDF" takes the document's title as the PDF's Title.
  const documentTitle = options ? reportDocumentTitle(options) : null;
  useEffect(() => {
    if (documentTitle === null) return;
    const before = document.title;
    document.title = documentTitle;
    return () => {
      document.title = before;
    };
  }, [documentTitle]);

  async function savePdf() {
    if (!report || !options) return;
    setNotice(null);
    setSaveError(null);
    if (platform !== 'desktop') {
      window.print();
      return;
    }
    setSaving(true);
    try {
      const saved = await reportStore.savePdf({
        suggestedName: pdfFileName(report, options),
      });
      if (saved) setNotice(`Saved ${saved.path}`);
    } catch (cause) {
      setSaveError(errorMessage(cause));
    } finally {
      setSaving(false);
    }
  }

  const busy = stage !== 'ready' && stage !== 'error';
  return (
    <div className="report-screen">
      <header className="report-toolbar report-chrome">
        <button type="button" onClick={onClose}>
          ← Back to the scorecard
        </button>
        <h1>Board report</h1>
        <div className="report-progress" role="status" aria-live="polite">
          {busy || saving ? <progress aria-label="Making the report" /> : null}
          {saving ? 'Saving the PDF…' : (notice ?? STAGE_LABELS[stage])}
        </div>
        <label className="report-zoom">
          Zoom{' '}
          <select value={zoom} onChange={(event) => setZoom(event.target.value as Zoom)}>
            {ZOOMS.map((choice) => (
              <option key={choice} value={choice}>
                {choice === 'fit' ? 'Fit to width' : `${String(choice)}%`}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="primary"
          disabled={stage !== 'ready' || saving}
          onClick={() => void savePdf()}
        >
          Save PDF…
        </button>
      </header>
      {options ? (
        <ReportOptionsForm
          options={options}
          update={update}
          scorecards={scorecards}
          report={report}
        />
      ) : (
        <div className="report-options report-chrome" />
      )}
      <main className="report-preview" aria-label="Report preview" tabIndex={0} ref={previewRef}>
        {error ? (
          <div className="report-chrome">
            <Alert message={error} />
          </div>
        ) : null}
        {saveError ? (
          <div className="report-chrome">
            <Alert message={saveError} onDismiss={() => setSaveError(null)} />
          </div>
        ) : null}
        {report && options ? (
          <div
            className="report-paper-frame"
            style={frame ? { width: frame.width, height: frame.height } : undefined}
          >
            <div
              className="report-paper"
              data-paper={options.paper}
              data-orientation={options.orientation}
              ref={paperRef}
              style={{ transform: `scale(${String(scale)})` }}
            >
              <ReportDocument report={report} options={options} />
            </div>
          </div>
        ) : null}
      </main>
    </div>
  );
}
