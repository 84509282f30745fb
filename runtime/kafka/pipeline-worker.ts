// Runs a pipeline's tasks on this process: the consumer group spreads input
// partitions over workers, each assigned partition's task is claimed, restored,
// and then fed batch by batch, each batch committed in one transaction.
import type { Admin, Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { logger } from '../log/logger.ts';
import type { InboundRecord, TaskFactory } from './driver-task.ts';
import { retryWhileRetriable } from './retry.ts';
import { type TaskEvents, TaskHandle } from './task-handle.ts';

const log = logger.child({ component: 'worker' });

export interface WorkerOptions extends TaskEvents {
  /** The consumer group: one per pipeline, shared by every worker running it. */
  groupId: string;
  inputTopics: { topic: string; fromBeginning: boolean }[];
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

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export class PipelineWorker {
  private consumer: Consumer | undefined;
  private readonly tasks = new Map<string, TaskHandle>();
  private timer: NodeJS.Timeout | undefined;
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
      maxWaitTimeInMs: 25,
      sessionTimeout: this.options.sessionTimeoutMs ?? 10_000,
      rebalanceTimeout: 60_000,
      heartbeatInterval: 1_000,
    });
    this.consumer = consumer;
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
      partitionsConsumedConcurrently: 8,
      eachBatch: (payload) => this.onBatch(payload),
    });
    this.timer = setInterval(() => this.fireTimers(), this.options.timerIntervalMs ?? 250);
  }

  /** Drains: the batch in flight commits, then every task is closed and the group is left. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.consumer?.disconnect();
    await Promise.all([...this.tasks.values()].map((task) => task.close()));
    this.tasks.clear();
  }

  private reconcile(assignment: Record<string, number[]>): void {
    const wanted = new Set<string>();
    for (const [topic, partitions] of Object.entries(assignment)) {
      for (const partition of partitions) wanted.add(this.options.factory.taskIdFor({ topic, partition }));
    }
    for (const [id, task] of this.tasks) {
      if (wanted.has(id) && task.state !== 'fenced') continue;
      this.tasks.delete(id);
      void task.close();
    }
    for (const id of wanted) {
      if (this.tasks.has(id)) continue;
      const task = new TaskHandle(id, this.kafka, this.admin, this.options.factory, this.options.groupId, this.options);
      task.ready.catch((error: unknown) => log.error({ task: id, err: String(error) }, 'task failed to start'));
      this.tasks.set(id, task);
    }
    log.info({ group: this.options.groupId, tasks: [...wanted].sort() }, 'assignment');
    this.options.onAssignment?.([...wanted].sort());
  }

  private async onBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const task = this.tasks.get(this.options.factory.taskIdFor({ topic: batch.topic, partition: batch.partition }));
    if (!task || this.stopped) return;
    // Restoring can take longer than a session timeout: keep the membership alive meanwhile.
    // (The state, not `task.ready`: a promise's then() runs later, so every batch would wait once.)
    while (task.starting && isRunning() && !isStale()) {
      await heartbeat();
      await sleep(200);
    }
    if (!isRunning() || isStale() || task.state !== 'running') return;

    const expected = task.expectedOffset(batch.topic, batch.partition);
    const records: InboundRecord[] = [];
    for (const message of batch.messages) {
      const offset = Number(message.offset);
      if (offset < expected) continue; // committed before this worker took the task over
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
    const outcome = await task.exclusive(() => task.processBatch(records));
    if (outcome === 'retry') {
      this.consumer?.seek({
        topic: batch.topic,
        partition: batch.partition,
        offset: String(task.expectedOffset(batch.topic, batch.partition)),
      });
      return;
    }
    if (outcome === 'fenced') return;
    resolveOffset(batch.lastOffset());
    this.options.onLag?.(batch.topic, batch.partition, Number(batch.offsetLag()));
    await heartbeat();
  }

  private fireTimers(): void {
    const now = Date.now();
    for (const task of this.tasks.values()) {
      if (task.state === 'running') void task.exclusive(() => task.fireTimers(now));
    }
  }
}
