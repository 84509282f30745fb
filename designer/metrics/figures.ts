// What the canvas shows of a metrics snapshot, rounded as it is displayed, so a tick that changes no displayed figure
// changes nothing on screen and re-renders nothing.
import type { MetricsSnapshot, NodeMetrics } from '../api/types.ts';

/** A rate rounded the way formatRate shows it: 1.2k, 37, 4.2. */
export function displayedRate(rate: number): number {
  if (rate >= 1000) return Math.round(rate / 100) * 100;
  if (rate >= 10) return Math.round(rate);
  return Math.round(rate * 10) / 10;
}

/** Records per second, short: 0, 4.2, 37, 1.2k. */
export function formatRate(rate: number): string {
  const shown = displayedRate(rate);
  if (shown >= 1000) return `${(shown / 1000).toFixed(1)}k`;
  if (shown >= 10 || shown === 0) return String(shown);
  return shown.toFixed(1);
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

/** Each output port's displayed rate, keyed `node:port`: what the edges leaving it are labelled with. */
export function portRates(snapshot: MetricsSnapshot | undefined): Record<string, number> {
  const rates: Record<string, number> = {};
  for (const [nodeId, metrics] of Object.entries(snapshot?.nodes ?? {})) {
    for (const [port, rate] of Object.entries(metrics.out)) rates[`${nodeId}:${port}`] = displayedRate(rate.rate1s);
  }
  return rates;
}
