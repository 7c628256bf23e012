import { describe, expect, it } from 'vitest';
import {
  printSignals,
  REPORT_FAILED_TITLE,
  REPORT_READY_TITLE,
  reportDocumentTitle,
} from '@shared/report/print-route';

// The desktop print window prints once the report says it is ready AND has put its own title
// on the document, so the PDF's Title is the report's.

describe('print signals', () => {
  it('waits for ready, then prints on the next title: the report title', () => {
    const signal = printSignals();
    expect(signal('KPI Scorecard')).toBe('wait');
    expect(signal(REPORT_READY_TITLE)).toBe('wait');
    expect(signal('Board pack')).toBe('print');
  });

  it('fails on the failure title, ready or not', () => {
    expect(printSignals()(REPORT_FAILED_TITLE)).toBe('failed');
    const signal = printSignals();
    signal(REPORT_READY_TITLE);
    expect(signal(REPORT_FAILED_TITLE)).toBe('failed');
  });

  it('titles a report without a title "Board report"', () => {
    expect(reportDocumentTitle({ title: '  ' })).toBe('Board report');
    expect(reportDocumentTitle({ title: 'Board pack' })).toBe('Board pack');
  });
});
