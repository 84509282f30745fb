// One transactional producer per task: the classic per-task transactional id.
//
// kafkajs sends TxnOffsetCommit v0/v1, which carry no consumer-group generation
// or member id (KIP-447), so the group coordinator cannot fence a stalled
// worker's offset commits. The transactional id can: it is derived from the
// task (pipeline, sub-topology, partition), so the worker that takes a task over
// initialises the same id, which bumps the producer epoch, aborts whatever the
// previous owner left open, and makes every later commit of the old owner fail
// with a fencing error. docs/exactly-once.md has the whole argument.
import type { Kafka, Message, Producer, RecordMetadata, Transaction } from 'kafkajs';
import { logger } from '../log/logger.ts';
import { pinningPartitioner, sendCovered } from './covered-send.ts';
import { retryWhileRetriable } from './retry.ts';

const log = logger.child({ component: 'committer' });

export interface OutboundMessage {
  topic: string;
  partition?: number;
  key: string | null;
  value: string | null;
  headers?: Record<string, string>;
  /** Milliseconds; records between stages keep their event time this way. */
  timestamp?: number;
}

export interface ConsumedPosition {
  topic: string;
  partition: number;
  /** The next offset to consume: what the group's committed offset becomes. */
  nextOffset: number;
}

/** Thrown when another worker took this task over: the task must be dropped, never retried. */
export class TaskFencedError extends Error {}

const fencingErrors = new Set([
  'KafkaJSProducerFencedError',
  'INVALID_PRODUCER_EPOCH',
  'PRODUCER_FENCED',
  'TRANSACTIONAL_ID_AUTHORIZATION_FAILED',
]);

function isFencing(error: unknown): boolean {
  const failure = error as { name?: string; type?: string; message?: string };
  return fencingErrors.has(failure.name ?? '') || fencingErrors.has(failure.type ?? '') || /fenced|epoch/i.test(failure.message ?? '');
}

const SEND_CHUNK = 2000;

/**
 * A transaction that begins right after the previous one committed meets CONCURRENT_TRANSACTIONS
 * until the coordinator has written the previous one's markers (a few ms). kafkajs retries it with
 * its default backoff (300 ms ± 20%): measured with one producer committing back to back, 229 ms
 * per transaction, 23.5 ms with a first retry after 25 ms (the Java client waits 20 ms for the same
 * reason). 5 ms was as fast alone but, with a pipeline's 30 producers in one runtime (the default one's), its storm of
 * retried requests cost the runtime's one thread enough to slow the API's 202s (A/B at 100 and
 * 1,000 records/s on the loaded 2-core machine). The wait doubles; after 9 retries (about 13 s, kafkajs'
 * default of 5 from 300 ms gave up after about 9 s) the commit fails, and the task gets a fresh
 * producer that claims it again (task-handle.ts): unlimited retries would keep a task on a producer
 * an outage left stuck, and keep it from closing while the broker is away. A transaction that gives
 * up is aborted, so a bounded count costs nothing of exactly once.
 */
const COMMIT_RETRY = { initialRetryTime: 25, maxRetryTime: 30_000, retries: 9 };

export class TaskCommitter {
  private readonly producer: Producer;

  constructor(
    kafka: Kafka,
    readonly transactionalId: string,
    private readonly groupId: string,
  ) {
    this.producer = kafka.producer({
      transactionalId,
      idempotent: true,
      maxInFlightRequests: 1,
      transactionTimeout: 60_000,
      retry: COMMIT_RETRY,
      createPartitioner: pinningPartitioner,
    });
  }

  /**
   * Connects and claims the transactional id. Must happen before the task reads
   * its committed offsets or restores state: once this resolves, the previous
   * owner's open transaction is finished (committed or aborted) and it is fenced.
   */
  async claim(warmTopics: string[] = []): Promise<void> {
    await this.producer.connect();
    const claim = await this.producer.transaction(); // kafkajs initialises the producer id: the fencing
    await this.warmUp(claim, warmTopics);
    await claim.abort(); // nothing was written
  }

  /**
   * Walks the claim's empty transaction through what a commit does, writing nothing: the metadata of the topics the
   * task writes (an empty send loads it and sends no request), the group's coordinator, AddOffsetsToTxn and an empty
   * TxnOffsetCommit. In a process that just started, the first transaction of 30 producers at once took 369–483 ms
   * (p50) against 69–105 ms once warm; warmed here, 158–194 ms. A restart's first records cross five stages, each
   * with its first transaction, after the claims: this moves most of that cost into the claims, which run at once.
   * Measured with the bench's recovery (200,000 rows, 3–4 runs of 3 each way, a noisy machine): a clean restart took
   * 1.76 s (median) against 2.04 s, a SIGKILL from the dead member's leaving 1.99 s against 2.92 s.
   * Only a speed-up: a failure here is left to the first commit to meet again.
   */
  private async warmUp(claim: Transaction, topics: string[]): Promise<void> {
    if (topics.length === 0) return;
    try {
      await claim.sendBatch({ acks: -1, topicMessages: topics.map((topic) => ({ topic, messages: [] })) });
      await claim.sendOffsets({ consumerGroupId: this.groupId, topics: [] });
    } catch (error) {
      log.debug({ task: this.transactionalId, err: String(error) }, 'warming the producer up failed; its first commit does it');
    }
  }

  /**
   * Writes the messages and commits the consumed positions, all or nothing. Resolves with the
   * offset after the last record written to each partition (`topic:partition` → offset).
   */
  async commit(messages: OutboundMessage[], positions: ConsumedPosition[]): Promise<Map<string, number>> {
    const written = new Map<string, number>();
    if (messages.length === 0 && positions.length === 0) return written;
    const transaction = await this.producer.transaction();
    try {
      // One request per chunk: a batch's output can exceed the broker's largest message size as one record batch.
      for (let start = 0; start < messages.length; start += SEND_CHUNK)
        await this.send(transaction, messages.slice(start, start + SEND_CHUNK), written);
      if (positions.length > 0) {
        // kafkajs does not retry TxnOffsetCommit while the group's coordinator loads; resending it in the same transaction is safe.
        await retryWhileRetriable(() =>
          transaction.sendOffsets({
            consumerGroupId: this.groupId,
            topics: [...new Set(positions.map((p) => p.topic))].map((topic) => ({
              topic,
              partitions: positions.filter((p) => p.topic === topic).map((p) => ({ partition: p.partition, offset: String(p.nextOffset) })),
            })),
          }),
        );
      }
      await transaction.commit();
      return written;
    } catch (error) {
      await transaction.abort().catch(() => {});
      if (isFencing(error)) throw new TaskFencedError(`task ${this.transactionalId} was taken over by another worker`);
      throw error;
    }
  }

  private async send(transaction: Transaction, messages: OutboundMessage[], written: Map<string, number>): Promise<void> {
    const byTopic = new Map<string, TopicBatch>();
    for (const message of messages) {
      let batch = byTopic.get(message.topic);
      if (!batch) {
        batch = { messages: [], counts: new Map() };
        byTopic.set(message.topic, batch);
      }
      const outbound: Message = { key: message.key, value: message.value, partition: message.partition, headers: message.headers };
      if (message.timestamp !== undefined) outbound.timestamp = String(message.timestamp);
      batch.messages.push(outbound);
      if (message.partition !== undefined) batch.counts.set(message.partition, (batch.counts.get(message.partition) ?? 0) + 1);
    }
    if (byTopic.size === 0) return;
    // Covered: kafkajs may skip partitions whose leader moved during its retries (covered-send.ts); those are
    // sent again in the same transaction, and a partition written twice aborts it (the caller retries the batch).
    const results = await sendCovered(
      (topicMessages) => transaction.sendBatch({ acks: -1, topicMessages }),
      [...byTopic].map(([topic, batch]) => ({ topic, messages: batch.messages })),
      {
        onResend: (missing, attempt) =>
          log.warn(
            { task: this.transactionalId, attempt, missing: missing.map((entry) => entry.topic) },
            'kafkajs skipped partitions; sending them again',
          ),
      },
    );
    recordWritten(byTopic, results, written);
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
  }
}

/** One topic's share of a commit: its messages, and how many of them go to each partition the engine chose. */
interface TopicBatch {
  messages: Message[];
  counts: Map<number, number>;
}

/**
 * Each partition's end after a produce: its batch's base offset plus its record count. Only
 * partitions the engine chose (changelogs, repartitions) are counted: the others' partition is
 * kafkajs' choice, unknown here.
 */
function recordWritten(byTopic: Map<string, TopicBatch>, results: RecordMetadata[], written: Map<string, number>): void {
  for (const result of results) {
    const count = byTopic.get(result.topicName)?.counts.get(result.partition);
    if (count === undefined || result.baseOffset === undefined) continue;
    const key = `${result.topicName}:${result.partition}`;
    written.set(key, Math.max(written.get(key) ?? 0, Number(result.baseOffset) + count));
  }
}
