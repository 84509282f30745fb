// Live metrics, kept apart from the document store: a snapshot a second must not re-render the inspector or the
// JSON view, and must never enter the undo history.
import type { MetricsSnapshot } from '../api/types.ts';
import { createStore } from '../store/create-store.ts';
import { outRate } from './figures.ts';

/** One point of a node's rate history: records/s in and out (all ports) at a time. */
export type RatePoint = { at: number; inRate: number; outRate: number; errors: number };

export type MetricsState = { latest?: MetricsSnapshot | undefined; history: Record<string, RatePoint[]> };

/** Five minutes of one-second snapshots. */
const HISTORY_POINTS = 300;

export const metricsStore = createStore<MetricsState>({ history: {} });

function takeSnapshot(state: MetricsState, snapshot: MetricsSnapshot, now = Date.now()): MetricsState {
  const history: Record<string, RatePoint[]> = {};
  for (const [nodeId, metrics] of Object.entries(snapshot.nodes)) {
    const point = { at: now, inRate: metrics.in.rate1s, outRate: outRate(metrics), errors: metrics.errors };
    history[nodeId] = [...(state.history[nodeId] ?? []), point].slice(-HISTORY_POINTS);
  }
  return { latest: snapshot, history };
}

export function recordSnapshot(snapshot: MetricsSnapshot): void {
  metricsStore.set((state) => takeSnapshot(state, snapshot));
}

export function clearMetrics(): void {
  metricsStore.set(() => ({ history: {} }));
}
