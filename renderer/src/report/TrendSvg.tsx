import { STATUS_LABELS, type Status } from '@shared/domain/kpi';
import { chartGeometry, type BandStatus } from '@shared/report/chart-geometry';
import type { ReportChart } from '@shared/report/model';
import type { ViewSpec } from '@shared/scoring/calendar';
import { axisLabel, chartValue, periodText, tickText } from './format';

// A KPI's trend for print, as inline SVG: actual line with a marker whose shape says the
// status (● on track, ▲ at risk, ✖ off track), dashed target line, and status bands named at
// the right edge and shaded from light (on track) to dark (off track), so the chart reads in
// black and white. Plain fills, not SVG patterns: patterns tripled the PDF's print time.

const BAND_LABEL: Record<BandStatus, string> = {
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
};

function Marker({ x, y, status }: { x: number; y: number; status: Status }) {
  const r = 3.6;
  switch (status) {
    case 'on_track':
      return <circle cx={x} cy={y} r={r} className="marker marker-on" />;
    case 'at_risk':
      return (
        <path
          d={`M${x} ${y - r - 0.8}L${x + r + 0.6} ${y + r - 0.6}L${x - r - 0.6} ${y + r - 0.6}Z`}
          className="marker marker-risk"
        />
      );
    case 'off_track':
      return (
        <path
          d={`M${x - r} ${y - r}L${x + r} ${y + r}M${x + r} ${y - r}L${x - r} ${y + r}`}
          className="marker marker-off"
        />
      );
    case 'no_data':
      return null;
  }
}

export function TrendSvg({ chart, view }: { chart: ReportChart; view: ViewSpec }) {
  const g = chartGeometry(chart);
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
      {g.yTicks.map((tick) => (
        <g key={tick.value}>
          <line x1={g.plot.x - 3} x2={g.plot.x} y1={tick.y} y2={tick.y} className="tick" />
          <text x={g.plot.x - 5} y={tick.y + 3} textAnchor="end" className="axis-text">
            {tickText(chart, tick.value, compact)}
          </text>
        </g>
      ))}
      {shown.map((label, index) => {
        const year = label.period.slice(0, 4);
        const withYear = index === 0 || shown[index - 1]?.period.slice(0, 4) !== year;
        const [line1, line2] = axisLabel(label.period, view, withYear);
        return (
          <text
            key={label.period}
            x={label.x}
            y={g.plot.y + g.plot.height + 11}
            className="axis-text"
            textAnchor="middle"
          >
            {line1}
            {line2 ? (
              <tspan x={label.x} dy="9">
                {line2}
              </tspan>
            ) : null}
          </text>
        );
      })}
      {g.bandLabels.map((label) => (
        <text
          key={`${label.status}-${label.y}`}
          x={g.plot.x + g.plot.width + 4}
          y={label.y + 3}
          className="band-label"
        >
          {BAND_LABEL[label.status]}
        </text>
      ))}
      {g.targetPath ? <path d={g.targetPath} className="target-line" /> : null}
      <path d={g.actualPath} className="actual-line" />
      {g.markers.map((marker) => (
        <Marker key={marker.period} x={marker.x} y={marker.y} status={marker.status} />
      ))}
    </svg>
  );
}
