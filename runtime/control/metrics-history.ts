// Per-node rates for the last 24 hours, a point every 10 seconds. Kept by the runtime (history-file.ts puts them on
// disk), so a page reload or a runtime restart keeps the chart; the browser only draws it.
import type { HistoryPoint } from '../../shared/api/pipeline-metrics.ts';

export const HISTORY_INTERVAL_SECONDS = 10;
export const HISTORY_HOURS = 24;
const HISTORY_MS = HISTORY_HOURS * 3600 * 1000;

export interface HistoryStore {
  append(pipelineId: string, point: HistoryPoint): void;
  /** Oldest first, the last 24 hours at most. */
  points(pipelineId: string, since: number): HistoryPoint[];
  forget(pipelineId: string): void;
  close(): Promise<void>;
}

export class MemoryHistory implements HistoryStore {
  protected readonly series = new Map<string, HistoryPoint[]>();

  constructor(protected readonly clock: () => number = Date.now) {}

  append(pipelineId: string, point: HistoryPoint): void {
    const points = this.series.get(pipelineId) ?? [];
    points.push(point);
    const from = this.clock() - HISTORY_MS;
    let old = 0;
    while (old < points.length && (points[old]?.at ?? 0) < from) old++;
    if (old > 0) points.splice(0, old);
    this.series.set(pipelineId, points);
  }

  points(pipelineId: string, since: number): HistoryPoint[] {
    const from = Math.max(since, this.clock() - HISTORY_MS);
    return (this.series.get(pipelineId) ?? []).filter((point) => point.at >= from);
  }

  forget(pipelineId: string): void {
    this.series.delete(pipelineId);
  }

  async close(): Promise<void> {}
}
