// Adapts the engine's tasks to the Kafka driver: the engine computes, the driver commits.
import { createHash } from 'node:crypto';
import { type BatchResult, batchMessages } from '../../shared/engine/batch-result.ts';
import { DLQ_HEADERS } from '../../shared/engine/dead-letter.ts';
import { DLQ, type MetricsRegistry, SINK_RETRIES } from '../../shared/engine/metrics.ts';
import { type Plan, type TaskPlan, taskFor } from '../../shared/engine/plan.ts';
import { type RefusedRow, type SinkWrite, SinkWriteError } from '../../shared/engine/sink-write.ts';
import { Task, type TaskObserver } from '../../shared/engine/task.ts';
import { resumeOffsets } from '../state/checkpoint.ts';
import type { StateDirectory, TaskStores } from '../state/state-directory.ts';
import type { DriverTask, InboundRecord, SinkBatch, TaskFactory, TaskOutput } from './driver-task.ts';
import type { OutboundMessage } from './task-committer.ts';

/** Executes a batch's writes outside Kafka (Postgres), idempotently, before its commit. */
export type SinkExecutor = (writes: SinkWrite[]) => Promise<void>;
/** Writes row by row and returns the rows refused for good (see PostgresSinks.isolate). */
export type SinkIsolator = (writes: SinkWrite[]) => Promise<RefusedRow[]>;

/** The dead letter of a row a sink refused: the row (or deleted key) as JSON, and the database's reason. */
export function deadLetterOfRefusedRow(refused: RefusedRow, dlqTopic: string): OutboundMessage {
  const { operation } = refused;
  const value = operation.op === 'upsert' ? operation.row : operation.key;
  return {
    topic: dlqTopic,
    key: null,
    value: JSON.stringify(value),
    headers: { [DLQ_HEADERS.node]: refused.node, [DLQ_HEADERS.reason]: 'sink-refused', [DLQ_HEADERS.error]: refused.reason.slice(0, 1000) },
  };
}

class EngineDriverTask implements DriverTask {
  readonly id: string;
  readonly inputs;
  readonly changelogs;
  /** Where each changelog partition's records are in the stores up to: what the next checkpoint says. */
  private readonly positions = new Map<string, number>();

  constructor(
    private readonly task: Task,
    private readonly sinks: { execute: SinkExecutor; isolate?: SinkIsolator; dlqTopic: string; metrics: MetricsRegistry },
    private readonly stores: TaskStores | undefined,
    private readonly identity: string,
  ) {
    this.id = task.id;
    this.inputs = task.inputs;
    this.changelogs = task.changelogs.map(({ topic, partition }) => ({ topic, partition }));
  }

  restore(record: { topic: string; key: string; value: string | null }): void {
    this.task.restoreChangelogRecord(record);
  }

  resumeFrom(ends: Map<string, { low: number; high: number }>): Map<string, number> | undefined {
    if (!this.stores?.kept || this.changelogs.length === 0) return undefined;
    const partitions = this.changelogs.map(({ topic, partition }) => `${topic}:${partition}`);
    const resume = resumeOffsets(this.stores.checkpoint(), this.identity, partitions, ends, Date.now());
    if (!resume) this.stores.discard();
    return resume;
  }

  checkpoint(offsets: Map<string, number>): void {
    if (!this.stores?.kept || this.changelogs.length === 0) return;
    let moved = false;
    for (const { topic, partition } of this.changelogs) {
      const key = `${topic}:${partition}`;
      const offset = offsets.get(key);
      if (offset === undefined || offset === this.positions.get(key)) continue;
      this.positions.set(key, offset);
      moved = true;
    }
    if (moved) this.stores.writeCheckpoint({ identity: this.identity, writtenAt: Date.now(), offsets: Object.fromEntries(this.positions) });
  }

  process(records: InboundRecord[], now: number): TaskOutput {
    return this.output(this.task.processBatch(records, now));
  }

  fireTimers(now: number): TaskOutput {
    return this.output(this.task.fireTimers(now));
  }

  nextTimerAt(): number | undefined {
    return this.task.nextTimerAt();
  }

  async close(): Promise<void> {
    this.task.close();
    await this.stores?.close();
  }

  private output(result: BatchResult): TaskOutput {
    const messages = batchMessages(result).map((record) => ({
      topic: record.topic,
      partition: record.partition,
      key: record.key,
      value: record.value,
      headers: record.headers,
      timestamp: record.timestamp,
    }));
    return { messages, sinks: result.sinkWrites.length > 0 ? this.sinkBatch(result.sinkWrites) : undefined };
  }

  private sinkBatch(writes: SinkWrite[]): SinkBatch {
    const { execute, isolate, dlqTopic, metrics } = this.sinks;
    return {
      write: async () => {
        try {
          await execute(writes);
        } catch (error) {
          if (error instanceof SinkWriteError) metrics.counter(SINK_RETRIES, { node: error.node, kind: error.kind }).inc();
          throw error;
        }
      },
      writeIsolated: isolate
        ? async () => {
            const refused = await isolate(writes);
            for (const row of refused) metrics.counter(DLQ, { node: row.node, reason: 'sink-refused' }).inc();
            return refused.map((row) => deadLetterOfRefusedRow(row, dlqTopic));
          }
        : undefined,
    };
  }
}

export interface EngineTaskOptions {
  metrics: MetricsRegistry;
  executeSinks: SinkExecutor;
  isolateSinks?: SinkIsolator;
  observer?: TaskObserver;
  /** Where stores live on disk; in memory without one. */
  state?: StateDirectory;
}

export function engineTaskFactory(plan: Plan, { metrics, executeSinks, isolateSinks, observer, state }: EngineTaskOptions): TaskFactory {
  const sinks = { execute: executeSinks, isolate: isolateSinks, dlqTopic: plan.dlqTopic, metrics };
  return {
    taskIdFor(input) {
      const task = taskFor(plan, input);
      if (!task) throw new Error(`pipeline ${plan.pipelineId} has no task for ${input.topic}[${input.partition}]`);
      return task.id;
    },
    create(taskId) {
      const taskPlan = plan.tasks.find((task) => task.id === taskId);
      if (!taskPlan) throw new Error(`pipeline ${plan.pipelineId} has no task ${taskId}`);
      const stores = taskPlan.changelogs.length > 0 ? state?.openTask(taskId) : undefined;
      const createStore = stores && ((store: { id: string }) => stores.openStore(store.id));
      const task = new Task(plan, taskPlan, { metrics, observer, createStore });
      return new EngineDriverTask(task, sinks, stores, storesIdentity(plan, taskPlan));
    },
  };
}

/**
 * What local files must have been written by to be resumed: the task, its changelogs, and the
 * type and config of each node owning one of its stores. A new version that changes such a node
 * resets its state (its changelog is made anew), so its old files must not count.
 */
export function storesIdentity(plan: Plan, taskPlan: TaskPlan): string {
  const nodes = new Set(plan.stores.filter((store) => taskPlan.changelogs.some((c) => c.store === store.id)).map((store) => store.node));
  const configs = plan.pipeline.nodes.filter((node) => nodes.has(node.id)).map((node) => [node.id, node.type, node.config]);
  const text = JSON.stringify({ task: taskPlan.id, changelogs: taskPlan.changelogs, configs });
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
