import type { Status } from '@shared/domain/kpi';
import { STATUS_LABELS } from '@shared/domain/kpi';
import type { Series } from './trend-data';

// The trend chart's legend on one short line under it: each line with its own dash, the marker
// shape of each status, and the shaded zones, so the chart reads without colour too. The
// canvas legend drew a 40-pixel box per line and left the markers and zones unexplained.

const MARKERS: { status: Exclude<Status, 'no_data'>; glyph: string }[] = [
  { status: 'on_track', glyph: '●' },
  { status: 'at_risk', glyph: '▲' },
  { status: 'off_track', glyph: '✕' },
];

const ZONES: { status: Exclude<Status, 'no_data'>; fill: keyof ZoneColors }[] = [
  { status: 'on_track', fill: 'onTrack' },
  { status: 'at_risk', fill: 'atRisk' },
  { status: 'off_track', fill: 'offTrack' },
];

interface ZoneColors {
  onTrack: string;
  atRisk: string;
  offTrack: string;
}

export function ChartLegend({ series, zones }: { series: Series[]; zones: ZoneColors }) {
  const lines = series.filter((entry) => entry.role !== 'band');
  const banded = series.some((entry) => entry.role === 'band');
  return (
    <ul className="trend-legend" aria-label="Chart legend">
      {lines.map((entry) => (
        <li key={entry.label}>
          <svg width="22" height="8" aria-hidden="true">
            <line
              x1="0"
              y1="4"
              x2="22"
              y2="4"
              stroke={entry.color}
              strokeWidth={entry.role === 'actual' ? 2.5 : 1.5}
              strokeDasharray={entry.dash?.join(' ')}
            />
          </svg>
          {entry.label}
        </li>
      ))}
      {MARKERS.map(({ status, glyph }) => (
        <li key={status}>
          <span aria-hidden="true" className="trend-legend-marker">
            {glyph}
          </span>
          {STATUS_LABELS[status]}
        </li>
      ))}
      {banded ? (
        <li>
          <span className="trend-legend-zones" aria-hidden="true">
            {ZONES.map(({ status, fill }) => (
              <span key={status} style={{ background: zones[fill] }} />
            ))}
          </span>
          Shaded: status zones
        </li>
      ) : null}
    </ul>
  );
}
