// Each task's counters, written in the same transaction as the outputs and offsets they count: exactly once, like
// the task's state. The record is cumulative since the version was deployed, keyed by the task, on a compacted topic
// of the pipeline with one partition per task (so each partition has one writer and a task that moves to another
// worker reads its last committed record back, as it restores its stores) and one more for the workers' heartbeats.
// Every runtime process that serves the API follows the topic and adds the tasks up (counters-follower.ts).

import { COUNTER_NAMES, type CounterName, type MetricsRegistry, PROCESSING_TIME } from '../../shared/engine/metrics.ts';
import type { Plan } from '../../shared/engine/plan.ts';
import type { TaskReport, WorkerBeat } from '../control/cluster-reports.ts';
import type { OutboundMessage } from './task-committer.ts';

export const countersTopicName = (pipelineId: string) => `sluice.${pipelineId}.counters`;

/** Compacted, and compacted soon: every transaction adds a record, only the last per task matters. */
export const COUNTERS_TOPIC_CONFIG = {
  'cleanup.policy': 'compact',
  'segment.ms': '60000',
  'min.cleanable.dirty.ratio': '0.1',
  'delete.retention.ms': '60000',
};

/** One partition per task, in the plan's order, and the last one for heartbeats. */
export function countersPartitions(plan: Plan): { ofTask: Map<string, number>; heartbeats: number; count: number } {
  const ofTask = new Map(plan.tasks.map((task, index) => [task.id, index]));
  return { ofTask, heartbeats: plan.tasks.length, count: plan.tasks.length + 1 };
}

export const WORKER_KEY_PREFIX = 'worker:';

/** A registry's series as a report carries them (counters without rates, zero ones left out). */
export function reportBody(registry: MetricsRegistry): Pick<TaskReport, 'counters' | 'gauges' | 'histograms'> {
  const snapshot = registry.snapshot();
  return {
    counters: snapshot.counters.filter((counter) => counter.total !== 0).map((counter) => [counter.name, counter.labels, counter.total]),
    gauges: snapshot.gauges.map((gauge) => [gauge.name, gauge.labels, gauge.value]),
    histograms: snapshot.histograms
      .filter((histogram) => histogram.count > 0)
      .map((histogram) => [histogram.name, histogram.labels, histogram.counts, histogram.sum, histogram.count]),
  };
}

/** Builds the task's counters record when anything changed since the last one it built. */
export class TaskCountersWriter {
  private last = '';

  constructor(
    private readonly registry: MetricsRegistry,
    private readonly where: { task: string; version: number; worker: string; topic: string; partition: number },
  ) {}

  /** The record for this transaction, or undefined when the counters are as last written. */
  next(now: number): OutboundMessage | undefined {
    const body = JSON.stringify(reportBody(this.registry));
    if (body === this.last) return undefined;
    this.last = body;
    const { task, version, worker, topic, partition } = this.where;
    const head = JSON.stringify({ task, version, worker, at: now });
    return { topic, partition, key: task, value: `${head.slice(0, -1)},${body.slice(1)}` };
  }

  /** Takes the last committed record of this task back, as the previous owner left it (same version only). */
  restore(value: string | null): void {
    const report = value === null ? undefined : parseTaskReport(value);
    if (!report || report.task !== this.where.task || report.version !== this.where.version) return;
    seedRegistry(this.registry, report);
    this.last = JSON.stringify(reportBody(this.registry));
  }
}

const counterNames = new Set<string>(COUNTER_NAMES);

export function parseTaskReport(value: string): TaskReport | undefined {
  try {
    const parsed = JSON.parse(value) as Partial<TaskReport>;
    if (typeof parsed.task !== 'string' || typeof parsed.version !== 'number' || !Array.isArray(parsed.counters)) return undefined;
    return {
      task: parsed.task,
      version: parsed.version,
      worker: String(parsed.worker ?? ''),
      at: Number(parsed.at ?? 0),
      counters: parsed.counters,
      gauges: parsed.gauges ?? [],
      histograms: parsed.histograms ?? [],
    };
  } catch {
    return undefined;
  }
}

export function parseWorkerBeat(value: string): WorkerBeat | undefined {
  try {
    const parsed = JSON.parse(value) as Partial<WorkerBeat>;
    if (typeof parsed.worker !== 'string' || typeof parsed.at !== 'number') return undefined;
    return {
      worker: parsed.worker,
      version: Number(parsed.version ?? 0),
      at: parsed.at,
      tasks: Array.isArray(parsed.tasks) ? parsed.tasks.map(String) : [],
    };
  } catch {
    return undefined;
  }
}

/** Sets a registry's series to a report's values (not adds: a newer report replaces an older one). */
export function seedRegistry(registry: MetricsRegistry, report: TaskReport): void {
  for (const [name, labels, value] of report.counters) {
    if (counterNames.has(name)) registry.counter(name as CounterName, labels).value = value;
  }
  for (const [name, labels, counts, sum, count] of report.histograms) {
    if (name !== PROCESSING_TIME) continue;
    const histogram = registry.histogram(name, labels);
    counts.forEach((value, index) => {
      histogram.counts[index] = value;
    });
    histogram.sum = sum;
    histogram.count = count;
  }
}
