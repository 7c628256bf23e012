import type { ReportModel } from '@shared/report/model';
import { withoutControlCharacters, type PageStyleInput } from '@shared/report/page-css';
import type { ReportOptions } from '@shared/report/options';
import { dayText, periodText } from './format';

// What the printed pages carry in their margins, from the report and its options.

const MAX_FOOTER_TITLE = 60;

export const REPORT_FONT = "'Report Sans', sans-serif";

export function pageSetup(report: ReportModel, options: ReportOptions): PageStyleInput {
  const title =
    options.title.length > MAX_FOOTER_TITLE
      ? `${options.title.slice(0, MAX_FOOTER_TITLE - 1)}…`
      : options.title;
  return {
    paper: options.paper,
    orientation: options.orientation,
    footer: [
      title,
      periodText(report.period, report.view),
      `generated ${dayText(report.generatedAt)}`,
    ]
      .filter(Boolean)
      .join(' · '),
    confidentiality: options.confidentiality,
    fontFamily: REPORT_FONT,
  };
}

/** A file name for the PDF: the title and the period, without characters files cannot hold. */
export function pdfFileName(report: ReportModel, options: ReportOptions): string {
  const base = `${options.title || 'Board report'} ${periodText(report.period, report.view)}`;
  const safe = withoutControlCharacters(base).replace(/[\\/:*?"<>|]+/g, ' ');
  return `${safe.trim().slice(0, 120)}.pdf`;
}
