import type { KpiDetail } from '@shared/domain/evaluation';
import { STATUS_LABELS, type Status } from '@shared/domain/kpi';
import { rangeLimits, statusLimits } from '@shared/scoring/bands';

// The KPI detail chart as plain data (STYLE.md: chart data from pure functions): the actual
// line with a marker shape per status (legible in black and white), the target and stretch
// lines, the forecast to the end of the period, and the status zones behind them.

export interface Palette {
  text: string;
  muted: string;
  onTrack: string;
  atRisk: string;
  offTrack: string;
  onTrackBg: string;
  atRiskBg: string;
  offTrackBg: string;
}

export interface Series {
  label: string;
  data: (number | null)[];
  role: 'actual' | 'target' | 'stretch' | 'forecast' | 'band';
  color: string;
  fillColor?: string;
  fill?: 'start' | 'end' | '-1' | false;
  dash?: number[];
  pointStyles?: (string | false)[];
}

export const POINT_STYLE: Record<Status, string | false> = {
  on_track: 'circle',
  at_risk: 'triangle',
  off_track: 'crossRot',
  no_data: false,
};

export function trendSeries(detail: KpiDetail, palette: Palette): Series[] {
  const { kpi, series, evaluation } = detail;
  const actual: Series = {
    label: 'Actual',
    role: 'actual',
    data: series.map((point) => point.value),
    color: palette.text,
    pointStyles: series.map((point) => POINT_STYLE[point.status]),
  };
  const result: Series[] = [actual];
  if (kpi.direction !== 'within_range' && series.some((point) => point.target !== null)) {
    result.push({
      label: 'Target',
      role: 'target',
      data: series.map((p) => p.target),
      color: palette.muted,
      dash: [6, 4],
    });
  }
  if (series.some((point) => point.stretchTarget !== null)) {
    result.push({
      label: 'Stretch target',
      role: 'stretch',
      data: series.map((p) => p.stretchTarget),
      color: palette.muted,
      dash: [2, 3],
    });
  }
  const forecast = evaluation.forecast;
  if (forecast && forecast.forecastIndices.length > 0 && series.length > 0) {
    const last = series.length - 1;
    const data: (number | null)[] = series.map(() => null);
    data[last] = forecast.projected;
    const before = series[last - 1]?.value;
    if (before !== undefined && before !== null) data[last - 1] = before;
    result.push({
      label: 'Forecast to period end',
      role: 'forecast',
      data,
      color: palette.text,
      dash: [3, 3],
    });
  }
  return [...result, ...bands(detail, palette)];
}

function bands(detail: KpiDetail, palette: Palette): Series[] {
  const { kpi, series } = detail;
  const band = (
    label: string,
    data: (number | null)[],
    fill: Series['fill'],
    fillColor: string,
  ): Series => ({
    label,
    role: 'band',
    data,
    color: 'transparent',
    fill,
    fillColor,
  });
  if (kpi.direction === 'within_range') {
    const limits = rangeLimits(kpi.thresholds, kpi.targetMin, kpi.targetMax);
    if (limits.onTrackLow === null) return [];
    const line = (value: number | null) => series.map(() => value);
    return [
      band('Off track (low)', line(limits.atRiskLow), 'start', palette.offTrackBg),
      band('At risk (low)', line(limits.onTrackLow), '-1', palette.atRiskBg),
      band('On track', line(limits.onTrackHigh), '-1', palette.onTrackBg),
      band('At risk (high)', line(limits.atRiskHigh), '-1', palette.atRiskBg),
      band('Off track (high)', line(limits.atRiskHigh), 'end', palette.offTrackBg),
    ];
  }
  const limits = series.map((point) => statusLimits(kpi.thresholds, point.target));
  if (limits.every((limit) => limit.onTrack === null)) return [];
  const onTrack = limits.map((limit) => limit.onTrack);
  const atRisk = limits.map((limit) => limit.atRisk);
  return kpi.direction === 'higher_is_better'
    ? [
        band('Off track', atRisk, 'start', palette.offTrackBg),
        band('At risk', onTrack, '-1', palette.atRiskBg),
        band('On track', onTrack, 'end', palette.onTrackBg),
      ]
    : [
        band('On track', onTrack, 'start', palette.onTrackBg),
        band('At risk', atRisk, '-1', palette.atRiskBg),
        band('Off track', atRisk, 'end', palette.offTrackBg),
      ];
}

/** What a tooltip says about one period: value, target, status, comment. */
export function describePoint(
  detail: KpiDetail,
  index: number,
  format: (value: number | null) => string,
): string[] {
  const point = detail.series[index];
  if (!point) return [];
  const lines = [
    `Actual: ${format(point.value)}`,
    `Target: ${format(point.target)}`,
    `Status: ${STATUS_LABELS[point.status]}`,
  ];
  if (point.comment) lines.push(`Comment: ${point.comment}`);
  return lines;
}
