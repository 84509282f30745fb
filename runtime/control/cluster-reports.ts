// What the workers report about a pipeline, as the runtime processes that serve the API read it: each task's
// cumulative counters (committed with its batches) and each worker's heartbeat. runtime/kafka writes and follows them
// (task-counters.ts, counters-follower.ts); cluster-metrics.ts adds them up.
import type { DeadLetter, SourceLag } from '../../shared/api/pipeline-metrics.ts';
import { type Labels, type MetricsSnapshot, PROCESSING_TIME_BUCKETS } from '../../shared/engine/metrics.ts';

/** What a task reports: its registry's snapshot without rates, for the version it runs. */
export interface TaskReport {
  task: string;
  version: number;
  worker: string;
  /** When the batch it counts was processed (ms). */
  at: number;
  counters: [string, Labels, number][];
  gauges: [string, Labels, number][];
  histograms: [string, Labels, number[], number, number][];
}

export interface WorkerBeat {
  worker: string;
  version: number;
  at: number;
  tasks: string[];
}

/** The sum of many tasks' reports, as one snapshot the engine's fold reads. */
export function mergeReports(reports: Iterable<Pick<TaskReport, 'counters' | 'gauges' | 'histograms'>>, at: number): MetricsSnapshot {
  const counters = new Map<string, { name: string; labels: Labels; total: number }>();
  const gauges = new Map<string, { name: string; labels: Labels; value: number }>();
  const histograms = new Map<
    string,
    { name: string; labels: Labels; bounds: readonly number[]; counts: number[]; sum: number; count: number }
  >();
  const keyOf = (name: string, labels: Labels) => `${name}${JSON.stringify(labels)}`;
  for (const report of reports) {
    for (const [name, labels, value] of report.counters) {
      const key = keyOf(name, labels);
      const entry = counters.get(key) ?? { name, labels, total: 0 };
      entry.total += value;
      counters.set(key, entry);
    }
    for (const [name, labels, value] of report.gauges) {
      const key = keyOf(name, labels);
      const entry = gauges.get(key) ?? { name, labels, value: 0 };
      entry.value += value;
      gauges.set(key, entry);
    }
    for (const [name, labels, counts, sum, count] of report.histograms) {
      const key = keyOf(name, labels);
      const entry = histograms.get(key) ?? { name, labels, bounds: PROCESSING_TIME_BUCKETS, counts: counts.map(() => 0), sum: 0, count: 0 };
      counts.forEach((value, index) => {
        entry.counts[index] = (entry.counts[index] ?? 0) + value;
      });
      entry.sum += sum;
      entry.count += count;
      histograms.set(key, entry);
    }
  }
  return {
    at,
    counters: [...counters.values()].map((entry) => ({ ...entry, rates: { '1s': 0, '1m': 0, '5m': 0 } })),
    gauges: [...gauges.values()],
    histograms: [...histograms.values()],
  };
}

/** One pipeline's reports, kept current: the latest record per task and per worker. */
export interface CountersFeed {
  /** False until the follower read the topic to the end it had when it started: the totals would be a part. */
  ready(): boolean;
  reports(): Iterable<TaskReport>;
  beats(): Iterable<WorkerBeat>;
  close(): Promise<void>;
}

export interface SourceTopic {
  node: string;
  topic: string;
  startFrom: 'earliest' | 'latest';
}

/** Where the cluster-wide figures come from: the pipelines' counters topics, and the broker for lag and dead letters. */
export interface ClusterSources {
  follow(pipelineId: string): CountersFeed;
  /** Per source node: last stable offset − the pipeline group's committed offset, per partition. */
  lag(pipelineId: string, sources: SourceTopic[]): Promise<Record<string, SourceLag>>;
  /** The newest dead letters on the pipeline's DLQ topic (of one node, when given), newest first. */
  deadLetters(pipelineId: string, node: string | undefined, limit: number): Promise<DeadLetter[]>;
}
