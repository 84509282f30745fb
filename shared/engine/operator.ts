// The operator interface: what a node type implements. Kafka Streams' Processor
// (init/process/close) with Arroyo's timer hook. Operators see records and a
// context; they never see topics, transactions or drivers.

import type { Counter } from './metrics.ts';
import type { EngineRecord } from './record.ts';
import type { RowOperation } from './sink-write.ts';
import type { KeyValueStore } from './store.ts';

export interface EngineLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** A record for an external topic a sink stage declared in its node implementation. */
export interface ProducedRecord {
  topic: string;
  key: string | null;
  /** null is a tombstone, kept as a tombstone on the topic. */
  value: Record<string, unknown> | null;
  headers: Record<string, string>;
  timestamp: number;
}

/** Handles the engine created for this stage; operators read or bump them, never create series. */
export interface StageMetrics {
  readonly recordsIn: Counter;
  readonly dropped: Counter;
  readonly errors: Counter;
  readonly deadLettered: Counter;
  recordsOut(port: string): Counter;
}

export interface OperatorContext {
  readonly taskId: string;
  readonly node: string;
  readonly stage: string;
  /** The input partition of the task running this operator. */
  readonly partition: number;
  emit(port: string, record: EngineRecord): void;
  /** Whether anything is connected to the node's output `port` (records emitted on an unwired port go nowhere). */
  isWired(port: string): boolean;
  /** Writes to an external topic (sink.kafka). */
  produce(record: ProducedRecord): void;
  /** Writes a row operation to the sink target this stage declared (sink.postgres). */
  writeRow(operation: RowOperation): void;
  readonly stores: { get(name: string): KeyValueStore };
  /** The driver's clock: wall time under Kafka, the fake clock in the memory driver. */
  now(): number;
  /** Asks for onTimer at (or after) wall-clock time `at`; scheduling the same time twice fires once. */
  schedule(at: number): void;
  /** Sends the record to the dead-letter topic with a reason; the pipeline continues. */
  deadLetter(record: EngineRecord, reason: string, error?: unknown): void;
  /** Drops the current input on purpose; counted per stage. */
  drop(reason: string): void;
  /** Keeps the current input in state to count it later (a future-dated record), without emitting now. */
  hold(reason: string): void;
  readonly metrics: StageMetrics;
  readonly log: EngineLogger;
}

/**
 * Lifecycle: open once per task after its stores were restored (so an operator can
 * rebuild its timers from state), process per record, onTimer when a scheduled time
 * is due (firedAt is the time that was scheduled), close when the task goes away.
 * A throw from process sends the record to the DLQ and undoes its state writes.
 */
export interface Operator {
  open?(ctx: OperatorContext): void;
  process(record: EngineRecord, ctx: OperatorContext): void;
  onTimer?(firedAt: number, ctx: OperatorContext): void;
  close?(): void;
}
