import type { Status } from '../domain/kpi';
import type { ReportChart } from './model';

// A report trend chart as geometry (STYLE.md: chart data from pure functions): the status
// bands behind each period, the actual and target lines, one marker per value, the axes. The
// print view turns it into inline SVG — vector, so it stays sharp on paper and in the PDF.

export type BandStatus = Exclude<Status, 'no_data'>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartGeometry {
  width: number;
  height: number;
  plot: Rect;
  bands: (Rect & { status: BandStatus })[];
  /** Labels of the bands at the right edge (the last period's bands), where they fit. */
  bandLabels: { status: BandStatus; y: number }[];
  yTicks: { y: number; value: number }[];
  xLabels: { x: number; period: string }[];
  actualPath: string;
  targetPath: string;
  markers: { x: number; y: number; status: Status; period: string; value: number }[];
}

// A chart prints about 85 mm wide: in these units, text of 9 is about 6.5 pt on paper.
export const CHART_SIZE = { width: 340, height: 160 };
const MARGIN = { top: 8, right: 50, bottom: 26, left: 54 };
const LABEL_GAP = 10;

/** 1, 2 or 5 times a power of ten: tick steps people read without effort. */
export function niceStep(span: number, ticks: number): number {
  if (!(span > 0)) return 1;
  const raw = span / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  return nice * power;
}

type Zone = { status: BandStatus; from: number; to: number };

/** The status zones of one period, in value space, from −∞ to +∞. */
function zonesOf(chart: ReportChart, index: number): Zone[] {
  const low = -Infinity;
  const high = Infinity;
  if (chart.direction === 'within_range') {
    const r = chart.range;
    if (!r || r.onTrackLow === null || r.onTrackHigh === null) return [];
    const atRiskLow = r.atRiskLow ?? r.onTrackLow;
    const atRiskHigh = r.atRiskHigh ?? r.onTrackHigh;
    return [
      { status: 'off_track', from: low, to: atRiskLow },
      { status: 'at_risk', from: atRiskLow, to: r.onTrackLow },
      { status: 'on_track', from: r.onTrackLow, to: r.onTrackHigh },
      { status: 'at_risk', from: r.onTrackHigh, to: atRiskHigh },
      { status: 'off_track', from: atRiskHigh, to: high },
    ];
  }
  const limits = chart.points[index]?.limits;
  if (!limits || limits.onTrack === null || limits.atRisk === null) return [];
  return chart.direction === 'higher_is_better'
    ? [
        { status: 'off_track', from: low, to: limits.atRisk },
        { status: 'at_risk', from: limits.atRisk, to: limits.onTrack },
        { status: 'on_track', from: limits.onTrack, to: high },
      ]
    : [
        { status: 'on_track', from: low, to: limits.onTrack },
        { status: 'at_risk', from: limits.onTrack, to: limits.atRisk },
        { status: 'off_track', from: limits.atRisk, to: high },
      ];
}

function domainOf(chart: ReportChart): { min: number; max: number } {
  const numbers: number[] = [];
  const add = (value: number | null | undefined) => {
    if (value !== null && value !== undefined && Number.isFinite(value)) numbers.push(value);
  };
  for (const point of chart.points) {
    add(point.value);
    add(point.target);
    add(point.limits?.onTrack);
    add(point.limits?.atRisk);
  }
  add(chart.range?.atRiskLow);
  add(chart.range?.atRiskHigh);
  if (numbers.length === 0) return { min: 0, max: 1 };
  let min = Math.min(...numbers);
  let max = Math.max(...numbers);
  if (min === max) {
    const pad = Math.abs(min) * 0.1 || 1;
    return { min: min - pad, max: max + pad };
  }
  const pad = (max - min) * 0.08;
  min -= pad;
  max += pad;
  // A chart of positive numbers starts at zero when zero is near, so bars of change are honest.
  if (min > 0 && min < (max - min) * 0.5) min = 0;
  return { min, max };
}

function linePath(points: ({ x: number; y: number } | null)[]): string {
  let path = '';
  let drawing = false;
  for (const point of points) {
    if (point === null) {
      drawing = false;
      continue;
    }
    path += `${drawing ? 'L' : 'M'}${point.x.toFixed(1)} ${point.y.toFixed(1)}`;
    drawing = true;
  }
  return path;
}

export function chartGeometry(chart: ReportChart): ChartGeometry {
  const { width, height } = CHART_SIZE;
  const plot: Rect = {
    x: MARGIN.left,
    y: MARGIN.top,
    width: width - MARGIN.left - MARGIN.right,
    height: height - MARGIN.top - MARGIN.bottom,
  };
  const count = Math.max(chart.points.length, 1);
  const slot = plot.width / count;
  const xOf = (index: number) => plot.x + slot * (index + 0.5);
  const { min, max } = domainOf(chart);
  const yOf = (value: number) => plot.y + plot.height - ((value - min) / (max - min)) * plot.height;
  const clampY = (value: number) => yOf(Math.min(max, Math.max(min, value)));

  const bands: ChartGeometry['bands'] = [];
  chart.points.forEach((_, index) => {
    for (const zone of zonesOf(chart, index)) {
      const top = clampY(zone.to);
      const bottom = clampY(zone.from);
      if (bottom - top < 0.05) continue;
      const x = plot.x + slot * index;
      // Periods with the same target share one band: fewer shapes, no hairlines between them.
      const previous = bands.find(
        (band) =>
          band.status === zone.status &&
          Math.abs(band.x + band.width - x) < 0.01 &&
          Math.abs(band.y - top) < 0.01 &&
          Math.abs(band.height - (bottom - top)) < 0.01,
      );
      if (previous) previous.width += slot;
      else bands.push({ status: zone.status, x, y: top, width: slot, height: bottom - top });
    }
  });
  const lastX = plot.x + slot * (count - 1);
  // Each band of the last period is named at the right edge, unless it is too thin to hold
  // its label or the label would touch the one above it.
  const bandLabels: ChartGeometry['bandLabels'] = [];
  for (const band of bands
    .filter((b) => b.x <= lastX + 0.01 && b.x + b.width >= lastX + slot - 0.01)
    .filter((b) => b.height >= LABEL_GAP)
    .sort((a, b) => a.y - b.y)) {
    const y = band.y + band.height / 2;
    const above = bandLabels.at(-1);
    if (above === undefined || y - above.y >= LABEL_GAP)
      bandLabels.push({ status: band.status, y });
  }

  const step = niceStep(max - min, 4);
  const yTicks: ChartGeometry['yTicks'] = [];
  for (let value = Math.ceil(min / step) * step; value <= max + step * 1e-9; value += step)
    yTicks.push({ y: yOf(value), value: Math.abs(value) < step * 1e-9 ? 0 : value });

  const markers: ChartGeometry['markers'] = [];
  chart.points.forEach((point, index) => {
    if (point.value !== null)
      markers.push({
        x: xOf(index),
        y: yOf(point.value),
        status: point.status,
        period: point.period,
        value: point.value,
      });
  });
  return {
    width,
    height,
    plot,
    bands,
    bandLabels,
    yTicks,
    xLabels: chart.points.map((point, index) => ({ x: xOf(index), period: point.period })),
    actualPath: linePath(
      chart.points.map((p, i) => (p.value === null ? null : { x: xOf(i), y: yOf(p.value) })),
    ),
    targetPath:
      chart.direction === 'within_range'
        ? ''
        : linePath(
            chart.points.map((p, i) =>
              p.target === null ? null : { x: xOf(i), y: clampY(p.target) },
            ),
          ),
    markers,
  };
}

const MARKER_RADIUS = 3.6;

/**
 * The markers drawn as one path per status — ● on track, ▲ at risk, ✖ off track — so a chart
 * is a few shapes however many periods it shows: a hundred charts of two years were 2,400
 * marker elements for the page and its print to lay out (issue 19).
 */
export function markerPaths(markers: ChartGeometry['markers']): Record<BandStatus, string> {
  const r = MARKER_RADIUS;
  const paths: Record<BandStatus, string> = { on_track: '', at_risk: '', off_track: '' };
  for (const { x, y, status } of markers) {
    const at = (dx: number, dy: number) => `${(x + dx).toFixed(1)} ${(y + dy).toFixed(1)}`;
    if (status === 'on_track')
      paths.on_track += `M${at(-r, 0)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`;
    else if (status === 'at_risk')
      paths.at_risk += `M${at(0, -r - 0.8)}L${at(r + 0.6, r - 0.6)}L${at(-r - 0.6, r - 0.6)}Z`;
    else if (status === 'off_track')
      paths.off_track += `M${at(-r, -r)}L${at(r, r)}M${at(r, -r)}L${at(-r, r)}`;
  }
  return paths;
}

/** The y axis's tick marks, 3 units long at the plot's left edge, as one path. */
export function tickPath(geometry: Pick<ChartGeometry, 'plot' | 'yTicks'>): string {
  const { x } = geometry.plot;
  return geometry.yTicks.map((tick) => `M${x - 3} ${tick.y.toFixed(1)}H${x}`).join('');
}
