// The in-memory driver, our TopologyTestDriver: runs a plan synchronously over
// in-memory topics with a clock that only moves when told to. Unit tests and the
// designer's preview use it; it imports nothing from Node, so it runs in a browser.
import type { BatchResult } from './batch-result.ts';
import { changelogRecord } from './batch-result.ts';
import { MemoryTables } from './memory-tables.ts';
import { MemoryTopics } from './memory-topics.ts';
import { MetricsRegistry } from './metrics.ts';
import type { EngineLogger } from './operator.ts';
import type { Plan } from './plan.ts';
import type { EngineRecord, RawRecord } from './record.ts';
import { toJson } from './record-codec.ts';
import type { SinkWrite } from './sink-write.ts';
import { Task, type TaskObserver } from './task.ts';

/** A record to put on a topic: an object value is sent as JSON, a string as it is (to test bad input), null as a tombstone. */
export interface MemoryInput {
  key?: string | null;
  value: Record<string, unknown> | string | null;
  timestamp?: number;
  headers?: Record<string, string>;
  partition?: number;
}

export type TraceEvent =
  | { kind: 'emitted'; node: string; stage: string; port: string; record: EngineRecord; input?: EngineRecord }
  | { kind: 'dropped'; node: string; stage: string; reason: string; record: EngineRecord }
  | { kind: 'dead-lettered'; node: string; stage: string; reason: string; error: string; record: EngineRecord | RawRecord };

export interface MemoryDriverOptions {
  /** The fake clock's start, ms since the epoch. */
  startTime?: number;
  metrics?: MetricsRegistry;
  log?: EngineLogger;
}

/** A pipeline that writes to its own input would never go quiet. */
const MAX_ROUNDS = 100_000;

export class MemoryDriver {
  readonly metrics: MetricsRegistry;
  readonly topics: MemoryTopics;
  readonly tables = new MemoryTables();
  readonly sinkWrites: SinkWrite[] = [];
  readonly trace: TraceEvent[] = [];
  readonly tasks: Task[];
  private clock: number;
  private readonly positions = new Map<string, number>();

  constructor(
    readonly plan: Plan,
    options: MemoryDriverOptions = {},
  ) {
    this.clock = options.startTime ?? 0;
    this.metrics = options.metrics ?? new MetricsRegistry();
    this.topics = new MemoryTopics(
      plan.topics.map((topic) => [topic.name, topic.partitions]),
      plan.partitions.default,
    );
    const observer: TaskObserver = {
      emitted: (event) => this.trace.push({ kind: 'emitted', ...event }),
      dropped: (event) => this.trace.push({ kind: 'dropped', ...event }),
      deadLettered: (event) => this.trace.push({ kind: 'dead-lettered', ...event }),
    };
    const clock = { now: () => this.clock };
    this.tasks = plan.tasks.map((task) => new Task(plan, task, { clock, metrics: this.metrics, observer, log: options.log }));
    this.metrics.tick(this.clock);
  }

  now(): number {
    return this.clock;
  }

  /** Puts records on a topic and runs every task until nothing is left to process. */
  send(topic: string, inputs: MemoryInput[]): void {
    for (const input of inputs) {
      const value = input.value === null ? null : typeof input.value === 'string' ? input.value : toJson(input.value);
      const key = input.key ?? null;
      this.topics.append(
        { topic, partition: input.partition, key, value, headers: input.headers ?? {}, timestamp: input.timestamp },
        this.clock,
      );
    }
    this.drain();
  }

  /** Moves the clock forward, firing every timer on the way at its own time, earliest first across tasks. */
  advanceTime(ms: number): void {
    const target = this.clock + ms;
    for (let firings = 0; ; firings++) {
      if (firings > MAX_ROUNDS)
        throw new Error(`timers kept firing at ${this.clock}: does an operator schedule a time that is already due?`);
      let next: { task: Task; at: number } | undefined;
      for (const task of this.tasks) {
        const at = task.nextTimerAt();
        if (at !== undefined && at <= target && (next === undefined || at < next.at)) next = { task, at };
      }
      if (!next) break;
      this.clock = Math.max(this.clock, next.at);
      this.metrics.tick(this.clock);
      this.apply(next.task.fireTimers(this.clock));
      this.drain();
    }
    this.clock = target;
    this.metrics.tick(this.clock);
  }

  /** What a node emitted on a port (or on every port), in order. */
  emitted(node: string, port?: string): EngineRecord[] {
    return this.trace.flatMap((event) =>
      event.kind === 'emitted' && event.node === node && (port === undefined || event.port === port) ? [event.record] : [],
    );
  }

  /** The records on a topic with their values parsed: what a consumer of a sink topic would see. */
  output(topic: string): { key: string | null; value: unknown; headers: Record<string, string>; partition: number }[] {
    return this.topics.all(topic).map((raw) => ({
      key: raw.key,
      value: raw.value === null ? null : (JSON.parse(raw.value) as unknown),
      headers: raw.headers,
      partition: raw.partition,
    }));
  }

  deadLetters(): RawRecord[] {
    return this.topics.all(this.plan.dlqTopic);
  }

  private drain(): void {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      let progressed = false;
      for (const task of this.tasks) {
        const [input] = task.inputs;
        if (!input) continue;
        const from = this.positions.get(task.id) ?? 0;
        const records = this.topics.read(input.topic, input.partition, from);
        if (records.length === 0) continue;
        progressed = true;
        this.positions.set(task.id, from + records.length);
        this.apply(task.processBatch(records, this.clock));
      }
      if (!progressed) return;
    }
    throw new Error(`the pipeline did not go quiet after ${MAX_ROUNDS} rounds: does it write to its own input?`);
  }

  private apply(result: BatchResult): void {
    for (const output of result.outputs) this.topics.append(output, this.clock);
    for (const write of result.changelog) this.topics.append(changelogRecord(write), this.clock);
    for (const letter of result.deadLetters) this.topics.append(letter, this.clock);
    for (const write of result.sinkWrites) {
      this.sinkWrites.push(write);
      this.tables.apply(write);
    }
  }
}
