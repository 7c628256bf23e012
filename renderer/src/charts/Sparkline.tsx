import { sparklinePath } from '@shared/charts/sparkline-path';

// A tiny trend line: gaps (no data) break the line rather than drop to zero.

interface SparklineProps {
  values: (number | null)[];
  label: string;
}

const WIDTH = 90;
const HEIGHT = 24;

export function Sparkline({ values, label }: SparklineProps) {
  const { d, last } = sparklinePath(values, WIDTH, HEIGHT, 2);
  return (
    <svg
      className="sparkline"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
    >
      {d ? <path d={d} fill="none" stroke="currentColor" strokeWidth="1.5" /> : null}
      {last ? <circle cx={last.x} cy={last.y} r="2.2" fill="currentColor" /> : null}
    </svg>
  );
}
