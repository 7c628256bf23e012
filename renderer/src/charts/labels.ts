import { periodLabel } from '@shared/domain/period';
import { bucketLabel, type ViewSpec } from '@shared/scoring/calendar';
import { formatNumber, LOCALE } from '../app/locale';

/** A view period as the user reads it: "Mar 2026", "Q1 2026", "Q1 FY2027", "FY2027". */
export function viewPeriodLabel(period: string, view: Pick<ViewSpec, 'frequency'>): string {
  return view.frequency === 'month' ? periodLabel('monthly', period, LOCALE) : bucketLabel(period);
}

// Through the one kept number format: toLocaleString makes a new one each call, about 50 of
// them for the scores of a scorecard's first screen.
export function formatScore(score: number | null): string {
  return score === null ? '—' : `${formatNumber(Math.round(score))}%`;
}

/** An objective's, perspective's or scorecard's score: status points out of 100. */
export function formatPoints(score: number | null): string {
  return score === null ? '—' : `${formatNumber(Math.round(score))}/100`;
}
