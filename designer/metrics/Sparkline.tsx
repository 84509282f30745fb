// A hand-drawn SVG chart of a node's rates over the last five minutes (no chart library for two lines).
import type { RatePoint } from './metrics-store.ts';

type Props = { points: RatePoint[]; width?: number; height?: number };

export function Sparkline({ points, width = 260, height = 60 }: Props) {
  if (points.length < 2) return <p className="muted">Collecting rates…</p>;
  const max = Math.max(1, ...points.map((p) => Math.max(p.inRate, p.outRate)));
  const path = (pick: (p: RatePoint) => number) =>
    points
      .map(
        (p, i) =>
          `${i === 0 ? 'M' : 'L'}${((i / (points.length - 1)) * width).toFixed(1)},${(height - (pick(p) / max) * height).toFixed(1)}`,
      )
      .join(' ');
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label="Rates, last 5 minutes"
    >
      <path d={path((p) => p.inRate)} className="spark-in" />
      <path d={path((p) => p.outRate)} className="spark-out" />
    </svg>
  );
}
