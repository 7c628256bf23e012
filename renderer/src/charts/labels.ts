import { periodLabel } from '@shared/domain/period';
import { bucketLabel, type ViewSpec } from '@shared/scoring/calendar';
import { LOCALE } from '../app/locale';

/** A view period as the user reads it: "Mar 2026", "Q1 2026", "Q1 FY2027", "FY2027". */
export function viewPeriodLabel(period: string, view: Pick<ViewSpec, 'frequency'>): string {
  return view.frequency === 'month' ? periodLabel('monthly', period, LOCALE) : bucketLabel(period);
}

export function formatScore(score: number | null): string {
  return score === null ? '—' : `${Math.round(score).toLocaleString(LOCALE)}%`;
}

/** An objective's, perspective's or scorecard's score: status points out of 100. */
export function formatPoints(score: number | null): string {
  return score === null ? '—' : `${Math.round(score).toLocaleString(LOCALE)}/100`;
}
