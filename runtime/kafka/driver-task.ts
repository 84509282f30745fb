// What the Kafka driver needs of one engine task: the seam between runtime/kafka
// and the engine (shared/engine). engine-tasks.ts adapts the engine's tasks to it.
import type { OutboundMessage } from './task-committer.ts';

export interface TopicPartition {
  topic: string;
  partition: number;
}

export interface InboundRecord extends TopicPartition {
  offset: number;
  key: string | null;
  /** null is a tombstone. */
  value: string | null;
  timestamp: number;
  headers: Record<string, string>;
}

/** Everything one batch (or one timer tick) produced, committed together. */
export interface TaskOutput {
  /** Outputs, changelog writes and dead letters, in the order they must be written. */
  messages: OutboundMessage[];
  /** Writes outside Kafka (Postgres), run before the transaction commits; they must be idempotent. */
  sinks?: SinkBatch;
}

/** A batch's writes outside Kafka. Failures are SinkWriteErrors (shared/engine/sink-write.ts). */
export interface SinkBatch {
  write(): Promise<void>;
  /**
   * Writes row by row and returns the rows the sink refuses for good, as dead letters to commit
   * with the batch; an outage still throws. Absent when the sink cannot tell rows apart.
   */
  writeIsolated?(): Promise<OutboundMessage[]>;
}

export interface DriverTask {
  /** Stable across workers: names the transactional id, e.g. `my-pipeline.0.2`. */
  readonly id: string;
  readonly inputs: TopicPartition[];
  /** Changelog partitions to read back before processing (same partition number as the task). */
  readonly changelogs: TopicPartition[];
  /** The topics the task may write: its producer loads their metadata while it claims the task, not at its first commit. */
  readonly outputTopics?: string[];
  restore(record: { topic: string; key: string; value: string | null }): void;
  /**
   * Local state kept from an earlier run of this task: where each changelog partition's restore
   * can start (`topic:partition` → offset), or undefined when there is none usable (then the
   * stores are empty and everything is restored). Called once, before restore().
   */
  resumeFrom?(ends: Map<string, { low: number; high: number }>): Map<string, number> | undefined;
  /** The stores now hold the changelogs up to these offsets (after the restore, or a committed batch's writes). */
  checkpoint?(offsets: Map<string, number>): void;
  process(records: InboundRecord[], now: number): TaskOutput;
  fireTimers(now: number): TaskOutput;
  /**
   * The task's counters as of the work just done, to commit with it; undefined when nothing changed (or the task
   * counts nothing). Asked after the sinks were written, so rows they refused are counted too.
   */
  countersRecord?(now: number): OutboundMessage | undefined;
  /** The earliest wall-clock time at which fireTimers has something to do. */
  nextTimerAt(): number | undefined;
  /** The task left this worker: release what it holds locally (its stores' files). */
  close(): Promise<void>;
}

/** Builds tasks on demand: the worker asks for the task that owns an input partition. */
export interface TaskFactory {
  /** The task id that consumes this input partition. */
  taskIdFor(input: TopicPartition): string;
  create(taskId: string): DriverTask;
}
