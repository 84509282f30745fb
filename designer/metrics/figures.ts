// What the canvas shows of a metrics frame, rounded as it is displayed, so a frame that changes no displayed figure
// changes nothing on screen and re-renders nothing.
import type { MetricsSnapshot, NodeMetrics } from '../api/types.ts';

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

/** A count as people read it: 1,234,567. */
export const formatCount = (count: number) => count.toLocaleString('en');

export function outRate(metrics: NodeMetrics): number {
  return Object.values(metrics.out).reduce((sum, figure) => sum + figure.rate, 0);
}

const sum = (values: Record<string, number>) => Object.values(values).reduce((total, value) => total + value, 0);

export type NodeFigures = {
  in: number;
  out: number;
  /** The window the rates are over, in seconds, named beside them. */
  window: number;
  errors: number;
  lag?: number | undefined;
  /** The pipeline is stopped: the lag is the backlog waiting for a start, shown greyed. */
  stopped: boolean;
  late: number;
  deadLettered: number;
  unaccounted: number;
  keys?: number | undefined;
};

export function nodeFigures(snapshot: MetricsSnapshot | undefined, nodeId: string): NodeFigures | undefined {
  const metrics = snapshot?.nodes[nodeId];
  if (!snapshot || !metrics) return undefined;
  return {
    in: displayedRate(metrics.in.rate),
    out: displayedRate(outRate(metrics)),
    window: snapshot.rateWindowSeconds,
    errors: metrics.errors,
    lag: metrics.lag?.total,
    stopped: !snapshot.running,
    late: metrics.accounting.late,
    deadLettered: sum(metrics.accounting.deadLettered),
    unaccounted: metrics.accounting.unaccounted,
    keys: metrics.keys,
  };
}

/** The shown rate of an edge: the records per second that left its source port over the window. */
export function edgeRate(snapshot: MetricsSnapshot | undefined, from: { node: string; port: string }, to: string): number | undefined {
  const edge = snapshot?.edges.find(
    (candidate) => candidate.from.node === from.node && candidate.from.port === from.port && candidate.to.node === to,
  );
  return edge === undefined ? undefined : displayedRate(edge.rate);
}
