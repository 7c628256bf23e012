import { STATUS_LABELS } from '@shared/domain/kpi';
import {
  chartGeometry,
  markerPaths,
  tickPath,
  type BandStatus,
} from '@shared/report/chart-geometry';
import type { ReportChart } from '@shared/report/model';
import type { ViewSpec } from '@shared/scoring/calendar';
import { axisLabel, chartValue, periodText, tickText } from './format';

// A KPI's trend for print, as inline SVG: actual line with a marker whose shape says the
// status (● on track, ▲ at risk, ✖ off track), dashed target line, and status bands named at
// the right edge and shaded from light (on track) to dark (off track), so the chart reads in
// black and white. Plain fills, not SVG patterns: patterns tripled the PDF's print time. Few
// elements: the markers of each status are one path, the ticks one path, each set of labels one
// text (a hundred charts are laid out for the preview and again for print).

const BAND_LABEL: Record<BandStatus, string> = {
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
};

export function TrendSvg({ chart, view }: { chart: ReportChart; view: ViewSpec }) {
  const g = chartGeometry(chart);
  const markers = markerPaths(g.markers);
  const last = chart.points.at(-1);
  const summary = last
    ? `${chart.name}: ${chart.points.length} periods to ${periodText(last.period, view)}, latest ${
        last.value === null ? 'no data' : chartValue(chart, last.value)
      }, ${STATUS_LABELS[last.status]}`
    : chart.name;
  const compact = g.yTicks.some((tick) => Math.abs(tick.value) >= 10_000);
  // Every other period when there are many, always including the latest.
  const every = g.xLabels.length > 8 ? 2 : 1;
  const shown = g.xLabels.filter((_, index) => (g.xLabels.length - 1 - index) % every === 0);
  return (
    <svg
      className="trend-svg"
      viewBox={`0 0 ${g.width} ${g.height}`}
      role="img"
      aria-label={summary}
    >
      {g.bands.map((band, index) => (
        <rect
          key={index}
          x={band.x}
          y={band.y}
          width={band.width}
          height={band.height}
          className={`band band-${band.status}`}
        />
      ))}
      <rect
        x={g.plot.x}
        y={g.plot.y}
        width={g.plot.width}
        height={g.plot.height}
        className="plot-frame"
      />
      <path d={tickPath(g)} className="tick" />
      <text className="axis-text" textAnchor="end">
        {g.yTicks.map((tick) => (
          <tspan key={tick.value} x={g.plot.x - 5} y={tick.y + 3}>
            {tickText(chart, tick.value, compact)}
          </tspan>
        ))}
      </text>
      <text className="axis-text" textAnchor="middle">
        {shown.map((label, index) => {
          const year = label.period.slice(0, 4);
          const withYear = index === 0 || shown[index - 1]?.period.slice(0, 4) !== year;
          const [line1, line2] = axisLabel(label.period, view, withYear);
          return (
            <tspan key={label.period} x={label.x} y={g.plot.y + g.plot.height + 11}>
              {line1}
              {line2 ? (
                <tspan x={label.x} dy="9">
                  {line2}
                </tspan>
              ) : null}
            </tspan>
          );
        })}
      </text>
      <text className="band-label">
        {g.bandLabels.map((label) => (
          <tspan key={`${label.status}-${label.y}`} x={g.plot.x + g.plot.width + 4} y={label.y + 3}>
            {BAND_LABEL[label.status]}
          </tspan>
        ))}
      </text>
      {g.targetPath ? <path d={g.targetPath} className="target-line" /> : null}
      <path d={g.actualPath} className="actual-line" />
      {markers.on_track ? <path d={markers.on_track} className="marker marker-on" /> : null}
      {markers.at_risk ? <path d={markers.at_risk} className="marker marker-risk" /> : null}
      {markers.off_track ? <path d={markers.off_track} className="marker marker-off" /> : null}
    </svg>
  );
}
