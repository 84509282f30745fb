// What the canvas shows of a metrics snapshot, rounded as it is displayed, so a tick that changes no displayed figure
// changes nothing on screen and re-renders nothing.
import type { NodeMetrics } from '../api/types.ts';

/** A rate rounded the way formatRate shows it: 1.2k, 37, 4.2. */
export function displayedRate(rate: number): number {
  if (rate >= 1000) return Math.round(rate / 100) * 100;
  if (rate >= 10) return Math.round(rate);
  return Math.round(rate * 10) / 10;
}

/** Records per second, short: 0, 4.2, 7, 37, 1.2k. */
export function formatRate(rate: number): string {
  const shown = displayedRate(rate);
  return shown >= 1000 ? `${(shown / 1000).toFixed(1).replace(/\.0$/, '')}k` : String(shown);
}

export function outRate(metrics: NodeMetrics): number {
  return Object.values(metrics.out).reduce((sum, rates) => sum + rates.rate1s, 0);
}

export type NodeFigures = { in: number; out: number; errors: number; lag?: number | undefined; keys?: number | undefined };

export function nodeFigures(metrics: NodeMetrics | undefined): NodeFigures | undefined {
  if (!metrics) return undefined;
  return {
    in: displayedRate(metrics.in.rate1s),
    out: displayedRate(outRate(metrics)),
    errors: metrics.errors,
    lag: metrics.lag,
    keys: metrics.keys,
  };
}
