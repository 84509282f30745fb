// What the consumer fetched for one task, processed and committed in the task's own
// rhythm. kafkajs fetches again only when every batch of the last fetch was handled, so
// a handler that waited for its transaction made each hop of a pipeline wait for the
// slowest commit of the whole fetch. The handler only queues here; the task commits as
// soon as its previous commit is done, and what arrived meanwhile goes into the next
// transaction together: at low load one transaction per record, under load batches
// grow by themselves (Kafka Streams' commit.interval.ms as a bound, without the timer).
import type { InboundRecord } from './driver-task.ts';
import type { CommitOutcome } from './task-handle.ts';

/** The part of a task the feed drives. */
export interface FedTask {
  readonly state: string;
  readonly starting: boolean;
  expectedOffset(topic: string, partition: number): number;
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  processBatch(records: InboundRecord[]): Promise<CommitOutcome>;
}

export interface FeedOptions {
  /** Nothing was committed: consume this partition again from `offset` (the task's committed position). */
  rewind: (topic: string, partition: number, offset: number) => void;
  /** Records queued beyond which the consumer's handler waits (memory, and a rebalance's drain). */
  maxQueued?: number;
  /** Records in one transaction at most. */
  maxBatch?: number;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export class TaskFeed {
  private queue: InboundRecord[] = [];
  private running: Promise<void> | undefined;
  private closed = false;
  private readonly maxQueued: number;
  private readonly maxBatch: number;
  private drained: (() => void)[] = [];
  /** The offset of the last record queued: a fetch that overlaps the last one (after a seek) queues nothing twice. */
  private lastQueued = -1;

  constructor(
    private readonly task: FedTask,
    private readonly options: FeedOptions,
  ) {
    this.maxQueued = options.maxQueued ?? 5_000;
    this.maxBatch = options.maxBatch ?? 5_000;
  }

  get queued(): number {
    return this.queue.length;
  }

  /** Queues fetched records (one partition's, in offset order) and starts processing if idle. */
  push(records: InboundRecord[]): void {
    if (this.closed) return;
    for (const record of records) {
      if (record.offset <= this.lastQueued) continue;
      this.queue.push(record);
      this.lastQueued = record.offset;
    }
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
      if (this.queue.length > 0 && !this.closed) this.push([]);
    });
  }

  /** Resolves once the queue is below its bound (at once if it is): the consumer's handler waits on it. */
  roomFor(): Promise<void> {
    if (this.queue.length < this.maxQueued || this.closed) return Promise.resolve();
    return new Promise((done) => this.drained.push(done));
  }

  /** Drops what is queued: the task closes or moved; the next owner consumes it from the committed offsets. */
  close(): void {
    this.closed = true;
    this.queue = [];
    this.wakeWaiters();
  }

  /** Resolves when the work in flight is done. */
  async idle(): Promise<void> {
    await this.running;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 && !this.closed) {
      // Claiming and restoring come first; records wait for them here, not in the consumer.
      while (this.task.starting && !this.closed) await sleep(20);
      if (this.closed) return;
      const batch = this.takeBatch();
      this.wakeWaiters();
      if (batch.length === 0) continue;
      const outcome = await this.task.exclusive(() => this.task.processBatch(batch));
      if (outcome === 'committed') continue;
      // Nothing of this batch committed: what is queued behind it is dropped too and fetched again.
      this.queue = [];
      this.lastQueued = -1;
      this.wakeWaiters();
      if (outcome === 'fenced' || this.closed) return;
      const first = batch[0] as InboundRecord;
      this.options.rewind(first.topic, first.partition, this.task.expectedOffset(first.topic, first.partition));
    }
  }

  /** The next records of one partition, past what the task has committed already. */
  private takeBatch(): InboundRecord[] {
    const first = this.queue[0] as InboundRecord;
    let end = 0;
    while (end < this.queue.length && end < this.maxBatch) {
      const record = this.queue[end] as InboundRecord;
      if (record.topic !== first.topic || record.partition !== first.partition) break;
      end++;
    }
    const taken = this.queue.splice(0, end);
    const expected = this.task.expectedOffset(first.topic, first.partition);
    return taken.filter((record) => record.offset >= expected); // committed before this worker took the task over
  }

  private wakeWaiters(): void {
    if (this.queue.length >= this.maxQueued && !this.closed) return;
    const waiting = this.drained;
    this.drained = [];
    for (const done of waiting) done();
  }
}
