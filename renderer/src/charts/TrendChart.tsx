import { useMemo } from 'react';
import {
  CategoryScale,
  Chart as ChartJS,
  Filler,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
  type ChartData,
  type ChartOptions,
  type PointStyle,
} from 'chart.js';
import { Line } from 'react-chartjs-2';
import type { KpiDetail } from '@shared/domain/evaluation';
import { formatValue } from '@shared/domain/format';
import { LOCALE } from '../app/locale';
import { ChartLegend } from './ChartLegend';
import { viewPeriodLabel } from './labels';
import { describePoint, trendSeries, type Palette } from './trend-data';

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, Filler, Tooltip);

// The KPI's trend: actual, target, stretch, forecast, status zones. Colours come from the
// theme; shapes and dashes carry the meaning too, so it reads in black and white.

function palette(): Palette {
  // The theme's colours are light-dark() pairs, which a canvas cannot take: let the browser
  // resolve each on a probe element and read back the colour it computed.
  const probe = document.createElement('span');
  document.body.append(probe);
  const get = (name: string) => {
    probe.style.color = `var(${name})`;
    return getComputedStyle(probe).color || '#777';
  };
  const colors = {
    text: get('--text'),
    muted: get('--muted'),
    onTrack: get('--on-track'),
    atRisk: get('--at-risk'),
    offTrack: get('--off-track'),
    onTrackBg: get('--on-track-bg'),
    atRiskBg: get('--at-risk-bg'),
    offTrackBg: get('--off-track-bg'),
  };
  probe.remove();
  return colors;
}

export function TrendChart({ detail }: { detail: KpiDetail }) {
  const { kpi } = detail;
  const format = (value: number | null) => formatValue(value, kpi.unit, kpi.decimals, LOCALE);
  const colors = palette();
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  const series = useMemo(
    () => trendSeries(detail, colors),
    // colors are read from the theme on each render; detail drives the data
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [detail],
  );
  const data = useMemo((): ChartData<'line', (number | null)[], string> => {
    return {
      labels: detail.series.map((point) => viewPeriodLabel(point.period, detail.view)),
      datasets: series.map((entry) => ({
        label: entry.label,
        data: entry.data,
        borderColor: entry.color,
        backgroundColor: entry.fillColor ?? entry.color,
        borderDash: entry.dash ?? [],
        borderWidth: entry.role === 'band' ? 0 : entry.role === 'actual' ? 2.5 : 1.5,
        fill: entry.fill ?? false,
        pointRadius: entry.role === 'actual' ? 4 : entry.role === 'forecast' ? 3 : 0,
        pointStyle: (entry.pointStyles ?? 'circle') as PointStyle,
        spanGaps: false,
        order: entry.role === 'band' ? 10 : 0,
      })),
    };
  }, [detail, series]);

  const options: ChartOptions<'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: reducedMotion ? false : { duration: 250 },
    interaction: { mode: 'index', intersect: false },
    scales: {
      x: { ticks: { color: colors.muted }, grid: { color: 'transparent' } },
      y: { ticks: { color: colors.muted, callback: (value) => format(Number(value)) } },
    },
    plugins: {
      // ChartLegend, under the chart, explains lines, markers and zones in one line.
      legend: { display: false },
      tooltip: {
        filter: (item) => item.datasetIndex === 0,
        callbacks: {
          label: () => '',
          afterBody: (items) => describePoint(detail, items[0]?.dataIndex ?? -1, format),
        },
      },
    },
  };

  const last = detail.series.at(-1);
  const summary = `${kpi.name}: ${detail.series.length} periods; latest ${format(last?.value ?? null)} against a target of ${format(last?.target ?? null)}.`;
  return (
    <figure className="trend-figure">
      <div className="trend-chart">
        <Line data={data} options={options} role="img" aria-label={summary} />
      </div>
      <ChartLegend
        series={series}
        zones={{ onTrack: colors.onTrackBg, atRisk: colors.atRiskBg, offTrack: colors.offTrackBg }}
      />
    </figure>
  );
}
