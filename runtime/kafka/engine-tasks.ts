// Adapts the engine's tasks to the Kafka driver: the engine computes, the driver commits.

import { type BatchResult, batchMessages } from '../../shared/engine/batch-result.ts';
import { DLQ_HEADERS } from '../../shared/engine/dead-letter.ts';
import { DLQ, MetricsRegistry, NODE_OUTCOMES, SINK_RETRIES } from '../../shared/engine/metrics.ts';
import { type Plan, taskFor } from '../../shared/engine/plan.ts';
import { type RefusedRow, type SinkWrite, SinkWriteError } from '../../shared/engine/sink-write.ts';
import { Task, type TaskObserver } from '../../shared/engine/task.ts';
import type { StateEpochs } from '../control/state-epochs.ts';
import type { StateDirectory, TaskStores } from '../state/state-directory.ts';
import type { DriverTask, InboundRecord, SinkBatch, TaskFactory, TaskOutput } from './driver-task.ts';
import type { OutboundMessage } from './task-committer.ts';
import { countersPartitions, countersTopicName, TaskCountersWriter } from './task-counters.ts';
import { storesIdentity, TaskLocalState } from './task-local-state.ts';

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
  readonly outputTopics: string[];

  constructor(
    private readonly task: Task,
    private readonly sinks: { execute: SinkExecutor; isolate?: SinkIsolator; dlqTopic: string; metrics: MetricsRegistry },
    private readonly stores: TaskStores | undefined,
    private readonly counters: { writer: TaskCountersWriter; topic: string; partition: number },
    private readonly local: TaskLocalState | undefined,
    outputTopics: string[],
  ) {
    this.id = task.id;
    this.outputTopics = outputTopics;
    this.inputs = task.inputs;
    // The task's counters come back with its state: its last committed counters record is read like a changelog.
    this.changelogs = [
      ...task.changelogs.map(({ topic, partition }) => ({ topic, partition })),
      { topic: counters.topic, partition: counters.partition },
    ];
  }

  restore(record: { topic: string; key: string; value: string | null }): void {
    if (record.topic === this.counters.topic) {
      if (record.key === this.id) this.counters.writer.restore(record.value);
      return;
    }
    this.task.restoreChangelogRecord(record);
  }

  resumeFrom(ends: Map<string, { low: number; high: number }>): Map<string, number> | undefined {
    return this.local?.resumeFrom(ends);
  }

  checkpoint(offsets: Map<string, number>): void {
    this.local?.checkpoint(offsets);
  }

  countersRecord(now: number): OutboundMessage | undefined {
    return this.counters.writer.next(now);
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
            for (const row of refused) {
              metrics.counter(DLQ, { node: row.node, reason: 'sink-refused' }).inc();
              metrics.counter(NODE_OUTCOMES, { node: row.node, outcome: 'dead-lettered', reason: 'sink-refused' }).inc();
            }
            return refused.map((row) => deadLetterOfRefusedRow(row, dlqTopic));
          }
        : undefined,
    };
  }
}

export interface EngineTaskOptions {
  /** The version this worker runs and its id: every counters record names both. */
  report: { version: number; worker: string };
  executeSinks: SinkExecutor;
  isolateSinks?: SinkIsolator;
  observer?: TaskObserver;
  /** Where stores live on disk; in memory without one. */
  state?: StateDirectory;
  /** When each stateful node's state began: part of what local files must have been written by. */
  stateEpochs?: StateEpochs;
  /** Told of each task's registry when the task is created: the worker's own view keeps the latest one per task. */
  onTaskMetrics?: (taskId: string, registry: MetricsRegistry) => void;
}

export function engineTaskFactory(plan: Plan, options: EngineTaskOptions): TaskFactory {
  const { report, executeSinks, isolateSinks, observer, state, onTaskMetrics, stateEpochs } = options;
  const topic = countersTopicName(plan.pipelineId);
  const partitions = countersPartitions(plan);
  // Every topic the pipeline writes, not only this task's: a handful, and which sink a stage writes is the node's own affair.
  const outputTopics = [...new Set([...plan.topics.filter((planned) => planned.role !== 'source').map((planned) => planned.name), topic])];
  return {
    taskIdFor(input) {
      const task = taskFor(plan, input);
      if (!task) throw new Error(`pipeline ${plan.pipelineId} has no task for ${input.topic}[${input.partition}]`);
      return task.id;
    },
    create(taskId) {
      const taskPlan = plan.tasks.find((task) => task.id === taskId);
      if (!taskPlan) throw new Error(`pipeline ${plan.pipelineId} has no task ${taskId}`);
      // Every task keeps files, those without stores too: their checkpoint spares reading the counters partition.
      const stores = state?.openTask(taskId);
      const createStore = stores && ((store: { id: string }) => stores.openStore(store.id));
      // A registry per task: its counters are the task's own, restored and committed with it.
      const metrics = new MetricsRegistry();
      const partition = partitions.ofTask.get(taskId) ?? 0;
      const writer = new TaskCountersWriter(metrics, { task: taskId, ...report, topic, partition });
      const sinks = { execute: executeSinks, isolate: isolateSinks, dlqTopic: plan.dlqTopic, metrics };
      onTaskMetrics?.(taskId, metrics);
      const restored = [...taskPlan.changelogs, { topic, partition }].map((entry) => `${entry.topic}:${entry.partition}`);
      const identity = storesIdentity(plan, taskPlan, `${topic}:${partition}`, stateEpochs);
      const local = stores && new TaskLocalState(stores, identity, restored, writer);
      return new EngineDriverTask(
        new Task(plan, taskPlan, { metrics, observer, createStore }),
        sinks,
        stores,
        { writer, topic, partition },
        local,
        outputTopics,
      );
    },
  };
}
