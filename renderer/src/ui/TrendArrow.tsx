import type { Trend } from '@shared/scoring/evaluate-kpis';

// Change against the previous period, by shape and words: ▲ up, ▼ down, ▶ unchanged; whether
// that is good news depends on the KPI's direction.

export function TrendArrow({
  trend,
  improved,
  previous,
}: {
  trend: Trend;
  improved: boolean | null;
  previous: string;
}) {
  if (trend === null)
    return (
      <span className="trend muted" aria-label="No earlier value to compare">
        –
      </span>
    );
  const symbol = trend === 'up' ? '▲' : trend === 'down' ? '▼' : '▶';
  const words = trend === 'flat' ? 'Unchanged' : trend === 'up' ? 'Up' : 'Down';
  const verdict = improved === null ? '' : improved ? ' (better)' : ' (worse)';
  const tone = improved === null ? 'neutral' : improved ? 'better' : 'worse';
  return (
    <span
      className={`trend trend-${tone}`}
      aria-label={`${words} from ${previous}${verdict}`}
      title={`${words} from ${previous}${verdict}`}
    >
      {symbol}
    </span>
  );
}
