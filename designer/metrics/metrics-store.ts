// Live metrics, kept apart from the document store: a frame a second must not re-render the inspector or the
// JSON view, and must never enter the undo history. The history charts ask the runtime (use-history.ts).
import type { MetricsSnapshot } from '../api/types.ts';
import { createStore } from '../store/create-store.ts';

export type MetricsState = { latest?: MetricsSnapshot | undefined };

export const metricsStore = createStore<MetricsState>({});

export function recordSnapshot(snapshot: MetricsSnapshot): void {
  metricsStore.set(() => ({ latest: snapshot }));
}

export function clearMetrics(): void {
  metricsStore.set(() => ({}));
}
