// Adapts the engine's tasks to the Kafka driver: the engine computes, the driver commits.
import { type BatchResult, batchMessages } from '../engine/batch-result.ts';
import type { MetricsRegistry } from '../engine/metrics.ts';
import { type Plan, taskFor } from '../engine/plan.ts';
import type { SinkWrite } from '../engine/sink-write.ts';
import { Task, type TaskObserver } from '../engine/task.ts';
import type { StateDirectory, TaskStores } from '../state/state-directory.ts';
import type { DriverTask, InboundRecord, TaskFactory, TaskOutput } from './driver-task.ts';

/** Executes a batch's writes outside Kafka (Postgres), idempotently, before its commit. */
export type SinkExecutor = (writes: SinkWrite[]) => Promise<void>;

class EngineDriverTask implements DriverTask {
  readonly id: string;
  readonly inputs;
  readonly changelogs;

  constructor(
    private readonly task: Task,
    private readonly executeSinks: SinkExecutor,
    private readonly stores: TaskStores | undefined,
  ) {
    this.id = task.id;
    this.inputs = task.inputs;
    this.changelogs = task.changelogs.map(({ topic, partition }) => ({ topic, partition }));
  }

  restore(record: { topic: string; key: string; value: string | null }): void {
    this.task.restoreChangelogRecord(record);
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
    const writes = result.sinkWrites;
    return { messages, beforeCommit: writes.length > 0 ? () => this.executeSinks(writes) : undefined };
  }
}

export interface EngineTaskOptions {
  metrics: MetricsRegistry;
  executeSinks: SinkExecutor;
  observer?: TaskObserver;
  /** Where stores live on disk; in memory without one. */
  state?: StateDirectory;
}

export function engineTaskFactory(plan: Plan, { metrics, executeSinks, observer, state }: EngineTaskOptions): TaskFactory {
  return {
    taskIdFor(input) {
      const task = taskFor(plan, input);
      if (!task) throw new Error(`pipeline ${plan.pipelineId} has no task for ${input.topic}[${input.partition}]`);
      return task.id;
    },
    create(taskId) {
      const taskPlan = plan.tasks.find((task) => task.id === taskId);
      if (!taskPlan) throw new Error(`pipeline ${plan.pipelineId} has no task ${taskId}`);
      const stores = state?.openTask(taskId);
      const createStore = stores && ((store: { id: string }) => stores.openStore(store.id));
      return new EngineDriverTask(new Task(plan, taskPlan, { metrics, observer, createStore }), executeSinks, stores);
    },
  };
}
