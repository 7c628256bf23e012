import { useEffect } from 'react';
import { adoptStyleSheet } from '../ui/adopt-style-sheet';
import mediaCss from './report-media.css?inline';

// The report's screen-only and print-only rules, adopted when the report's code loads: before
// its first render, so the preview's first layout already skips the charts out of view.
adoptStyleSheet(mediaCss);

/** While the report is shown, the page behind it prints white (report-media.css). */
export function useReportPage(): void {
  useEffect(() => {
    document.body.classList.add('report-shown');
    return () => document.body.classList.remove('report-shown');
  }, []);
}
