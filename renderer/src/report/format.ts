import { dateTimeFormat, formatValue, numberFormat } from '@shared/domain/format';
import type { ReportChart, ReportKpi } from '@shared/report/model';
import type { ViewSpec } from '@shared/scoring/calendar';
import { viewPeriodLabel } from '../charts/labels';
import { LOCALE } from '../app/locale';

// Numbers, gaps and dates as the report prints them, in the user's locale.

export function kpiValue(kpi: Pick<ReportKpi, 'unit' | 'decimals'>, value: number | null): string {
  return formatValue(value, kpi.unit, kpi.decimals, LOCALE);
}

/** The target as read on paper: a number, or "a to b" for a within-range KPI. */
export function kpiTarget(kpi: ReportKpi): string {
  if (kpi.direction === 'within_range' && kpi.targetMin !== null && kpi.targetMax !== null)
    return `${kpiValue(kpi, kpi.targetMin)} to ${kpiValue(kpi, kpi.targetMax)}`;
  return kpiValue(kpi, kpi.target);
}

/** A signed gap to target ("+1.2%", "−300 €"); percent KPIs' gaps are percentage points. */
export function kpiGap(kpi: ReportKpi): string {
  if (kpi.gap === null) return '—';
  if (kpi.gap === 0) return kpiValue(kpi, 0);
  const text = kpiValue(kpi, Math.abs(kpi.gap));
  const points = kpi.unit.format === 'percent' ? text.replace('%', ' pts') : text;
  return `${kpi.gap > 0 ? '+' : '−'}${points}`;
}

export function chartValue(chart: ReportChart, value: number): string {
  return formatValue(value, chart.unit, chart.decimals, LOCALE);
}

/**
 * An axis tick: short enough for the chart's margin. A chart whose ticks reach 10,000 writes
 * them all compactly ("€8K", "€85K"); the unit's own label ("members") is left to the caption.
 */
export function tickText(chart: ReportChart, value: number, compact: boolean): string {
  const { unit } = chart;
  const digits = { maximumFractionDigits: compact ? 1 : chart.decimals };
  const notation = compact ? ({ notation: 'compact' } as const) : {};
  if (unit.format === 'currency')
    return numberFormat(LOCALE, {
      style: 'currency',
      currency: unit.currency ?? 'USD',
      ...notation,
      ...digits,
    }).format(value);
  if (unit.format === 'percent')
    return numberFormat(LOCALE, { style: 'percent', ...digits }).format(value / 100);
  return numberFormat(LOCALE, { ...notation, ...digits }).format(value);
}

/** A scorecard's, perspective's or objective's score: status points out of 100. */
export function scoreText(score: number | null): string {
  return score === null ? '—' : `${Math.round(score).toLocaleString(LOCALE)}/100`;
}

export function periodText(period: string, view: Pick<ViewSpec, 'frequency'>): string {
  if (view.frequency !== 'month') return viewPeriodLabel(period, view);
  return dateTimeFormat(LOCALE, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${period}-01T00:00:00Z`));
}

/** A short axis label: "Mar", with the year on a second line when `withYear`. */
export function axisLabel(
  period: string,
  view: Pick<ViewSpec, 'frequency'>,
  withYear: boolean,
): [string, string] {
  if (view.frequency !== 'month') {
    const label = viewPeriodLabel(period, view);
    const [head = label, ...rest] = label.split(' ');
    return [head, rest.join(' ')];
  }
  const date = new Date(`${period}-01T00:00:00Z`);
  const month = dateTimeFormat(LOCALE, { month: 'short', timeZone: 'UTC' }).format(date);
  return [month, withYear ? period.slice(0, 4) : ''];
}

export function dayText(iso: string): string {
  return dateTimeFormat(LOCALE, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso));
}
