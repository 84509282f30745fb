// Runs a pipeline's tasks on this process: the consumer group spreads input
// partitions over workers, each assigned partition's task is claimed, restored,
// and then fed batch by batch, each batch committed in one transaction.
import type { Admin, Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { logger } from '../log/logger.ts';
import { committedRecordsOf } from './committed-records.ts';
import type { InboundRecord, TaskFactory } from './driver-task.ts';
import { countFetches } from './fetch-counter.ts';
import { PIPELINE_FETCH_WAIT_MS, PIPELINE_HEARTBEAT_MS } from './poll-settings.ts';
import { retryWhileRetriable } from './retry.ts';
import { type TaskEvents, TaskHandle } from './task-handle.ts';

const log = logger.child({ component: 'worker' });

export interface WorkerOptions extends TaskEvents {
  /** The consumer group: one per pipeline, shared by every worker running it. */
  groupId: string;
  /** `purge`: an internal topic whose records are deleted once committed past (repartition topics). */
  inputTopics: { topic: string; fromBeginning: boolean; purge?: boolean }[];
  /** How often records committed past are deleted from purgeable inputs (Kafka Streams: repartition.purge.interval.ms). */
  purgeIntervalMs?: number;
  factory: TaskFactory;
  /** How often due timers are looked for. */
  timerIntervalMs?: number;
  onAssignment?: (taskIds: string[]) => void;
  /** Consumer lag of an input partition after each batch (records between the batch's end and the partition's end). */
  onLag?: (topic: string, partition: number, lag: number) => void;
  /** How long a silent worker (crashed, killed) keeps its partitions before they move; the broker's minimum is 6 s. */
  sessionTimeoutMs?: number;
}

function headersOf(raw: Record<string, unknown> | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw ?? {})) if (value !== undefined) headers[name] = String(value);
  return headers;
}

/**
 * Batches handled at once. 64 (every task of the default pipeline at once) once wrote a few records twice on 3 brokers
 * with one killed, adjacent in one transaction of one task: kafkajs' produce retry resent to a slow broker whose first
 * request was still in flight (patched: patches/kafkajs+2.2.4.patch, runtime/kafka/send-retry-race.test.ts; 8 only made
 * it rarer). 8 stays because it is faster: back to back on a quiet machine, 64 gave p50 241–344 ms at 100 records/s
 * (8: 112–274 ms) and accepted only 587–666 records/s of 1,000/s (8: 884–977/s).
 */
const CONCURRENT_BATCHES = 8;

/** How long a fenced task waits before this worker claims it again (while still assigned here). */
const FENCED_PAUSE_MS = 5000;

export class PipelineWorker {
  private consumer: Consumer | undefined;
  private readonly tasks = new Map<string, TaskHandle>();
  private timer: NodeJS.Timeout | undefined;
  private purger: NodeJS.Timeout | undefined;
  private readonly purgedUpTo = new Map<string, number>();
  /** The task ids the group gave this worker in its latest assignment. */
  private assigned = new Set<string>();
  private readonly fencedSince = new Map<string, number>();
  private stopped = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly admin: Admin,
    private readonly options: WorkerOptions,
  ) {}

  taskIds(): string[] {
    return [...this.tasks.keys()];
  }

  async start(): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      readUncommitted: false,
      maxWaitTimeInMs: PIPELINE_FETCH_WAIT_MS,
      sessionTimeout: this.options.sessionTimeoutMs ?? 10_000,
      rebalanceTimeout: 60_000,
      heartbeatInterval: PIPELINE_HEARTBEAT_MS,
    });
    this.consumer = consumer;
    countFetches(consumer, 'pipeline');
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => this.reconcile(payload.memberAssignment));
    consumer.on(consumer.events.CRASH, ({ payload }) =>
      log.error({ group: this.options.groupId, err: String(payload.error), restart: payload.restart }, 'consumer crashed'),
    );
    await consumer.connect();
    // Right after its topics were created, a broker of a larger cluster may not know them yet (UNKNOWN_TOPIC_OR_PARTITION,
    // retriable): kafkajs' subscribe gives up at once, so it is asked again.
    for (const input of this.options.inputTopics)
      await retryWhileRetriable(() => consumer.subscribe({ topic: input.topic, fromBeginning: input.fromBeginning }));
    await consumer.run({
      autoCommit: false, // offsets move only inside the transaction that carries the outputs
      eachBatchAutoResolve: false,
      // kafkajs fetches again only once every batch of a fetch is done, so a fetch round lasts as long as its
      // slowest wave of batches (handlers that only queued, each task committing in its own rhythm, were measured
      // slower: docs/exactly-once.md).
      partitionsConsumedConcurrently: CONCURRENT_BATCHES,
      eachBatch: (payload) => this.onBatch(payload),
    });
    this.timer = setInterval(() => this.fireTimers(), this.options.timerIntervalMs ?? 250);
    this.purger = setInterval(() => void this.purgeCommitted(), this.options.purgeIntervalMs ?? 30_000);
  }

  /** Drains: the batch in flight commits, then every task is closed and the group is left. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearInterval(this.purger);
    await this.consumer?.disconnect();
    await Promise.all([...this.tasks.values()].map((task) => task.close()));
    this.tasks.clear();
  }

  private reconcile(assignment: Record<string, number[]>): void {
    const wanted = new Set<string>();
    for (const [topic, partitions] of Object.entries(assignment)) {
      for (const partition of partitions) wanted.add(this.options.factory.taskIdFor({ topic, partition }));
    }
    this.assigned = wanted;
    for (const [id, task] of this.tasks) {
      if (wanted.has(id) && task.state !== 'fenced') continue;
      this.tasks.delete(id);
      void task.close();
    }
    for (const id of wanted) if (!this.tasks.has(id)) this.openTask(id);
    log.info({ group: this.options.groupId, tasks: [...wanted].sort() }, 'assignment');
    this.options.onAssignment?.([...wanted].sort());
  }

  private openTask(id: string): void {
    const task = new TaskHandle(id, this.kafka, this.admin, this.options.factory, this.options.groupId, this.options);
    task.ready.catch((error: unknown) => log.error({ task: id, err: String(error) }, 'task failed to start'));
    this.tasks.set(id, task);
  }

  /**
   * A task fenced by a worker that took it during a rebalance this worker has not seen yet, or by
   * a zombie that claimed it after losing it: while the group still gives it to this worker, it
   * claims it again after a pause (the other side is revoked by then, or fences again).
   */
  private reclaimFencedTasks(now: number): void {
    for (const [id, task] of this.tasks) {
      if (task.state !== 'fenced') {
        this.fencedSince.delete(id);
        continue;
      }
      const since = this.fencedSince.get(id) ?? now;
      this.fencedSince.set(id, since);
      if (now - since < FENCED_PAUSE_MS || !this.assigned.has(id)) continue;
      log.info({ task: id }, 'claiming a fenced task again: the group still assigns it here');
      this.fencedSince.delete(id);
      this.tasks.delete(id);
      void task.close();
      this.openTask(id);
    }
  }

  private async onBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const task = this.tasks.get(this.options.factory.taskIdFor({ topic: batch.topic, partition: batch.partition }));
    if (!task || this.stopped) return;
    // Restoring can take longer than a session timeout: keep the membership alive meanwhile.
    // (The state, not `task.ready`: a promise's then() runs later, so every batch would wait once.)
    while (task.starting && isRunning() && !isStale()) {
      await heartbeat();
      await task.untilStarted(200);
    }
    if (!isRunning() || isStale() || task.state !== 'running') return;

    const committed = committedRecordsOf(batch);
    if (committed.fellBack && batch.messages.length > 0)
      log.debug({ topic: batch.topic, partition: batch.partition }, "a transaction's marker is past this fetch: kafkajs' filter decides");
    const records: InboundRecord[] = [];
    for (const message of committed.records) {
      const offset = Number(message.offset);
      records.push({
        topic: batch.topic,
        partition: batch.partition,
        offset,
        key: message.key?.toString() ?? null,
        value: message.value?.toString() ?? null,
        timestamp: Number(message.timestamp),
        headers: headersOf(message.headers),
      });
    }
    // A batch may wait for a sink that is down, or behind a timer's: stay in the group meanwhile.
    const beat = setInterval(() => void heartbeat().catch(() => {}), 1000);
    const outcome = await task.exclusive(() => task.processBatch(records)).finally(() => clearInterval(beat));
    if (outcome === 'retry') {
      this.consumer?.seek({
        topic: batch.topic,
        partition: batch.partition,
        offset: String(task.expectedOffset(batch.topic, batch.partition)),
      });
      return;
    }
    if (outcome === 'fenced') return;
    if (committed.resumeAt !== undefined) {
      // The rest waits for a fetch that holds its transactions' markers.
      this.consumer?.seek({ topic: batch.topic, partition: batch.partition, offset: String(committed.resumeAt) });
      return;
    }
    resolveOffset(batch.lastOffset());
    this.options.onLag?.(batch.topic, batch.partition, Number(batch.offsetLag()));
    await heartbeat();
  }

  /**
   * Repartition topics keep records without a time limit (their timestamps are event times), so
   * what every task has committed past is deleted here, like Kafka Streams' explicit purge.
   */
  async purgeCommitted(): Promise<void> {
    const purgeable = new Set(this.options.inputTopics.filter((input) => input.purge).map((input) => input.topic));
    const byTopic = new Map<string, { partition: number; offset: string }[]>();
    for (const task of this.tasks.values()) {
      if (task.state !== 'running') continue;
      for (const { topic, partition, nextOffset } of task.committedPositions()) {
        const key = `${topic}:${partition}`;
        if (!purgeable.has(topic) || nextOffset <= (this.purgedUpTo.get(key) ?? 0)) continue;
        byTopic.set(topic, [...(byTopic.get(topic) ?? []), { partition, offset: String(nextOffset) }]);
      }
    }
    for (const [topic, partitions] of byTopic) {
      try {
        await this.admin.deleteTopicRecords({ topic, partitions });
        for (const { partition, offset } of partitions) this.purgedUpTo.set(`${topic}:${partition}`, Number(offset));
      } catch (error) {
        log.warn({ topic, err: error instanceof Error ? error.message : String(error) }, 'purging committed records failed; will retry');
      }
    }
  }

  private fireTimers(): void {
    const now = Date.now();
    this.reclaimFencedTasks(now);
    for (const task of this.tasks.values()) {
      if (task.state === 'running') void task.exclusive(() => task.fireTimers(now));
    }
  }
}
