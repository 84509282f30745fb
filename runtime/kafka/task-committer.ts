// One transactional producer per task: the classic per-task transactional id.
//
// kafkajs sends TxnOffsetCommit v0/v1, which carry no consumer-group generation
// or member id (KIP-447), so the group coordinator cannot fence a stalled
// worker's offset commits. The transactional id can: it is derived from the
// task (pipeline, sub-topology, partition), so the worker that takes a task over
// initialises the same id, which bumps the producer epoch, aborts whatever the
// previous owner left open, and makes every later commit of the old owner fail
// with a fencing error. docs/exactly-once.md has the whole argument.
import type { Kafka, Message, Producer, Transaction } from 'kafkajs';
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
      createPartitioner: pinningPartitioner,
    });
  }

  /**
   * Connects and claims the transactional id. Must happen before the task reads
   * its committed offsets or restores state: once this resolves, the previous
   * owner's open transaction is finished (committed or aborted) and it is fenced.
   */
  async claim(): Promise<void> {
    await this.producer.connect();
    const claim = await this.producer.transaction();
    await claim.abort(); // nothing sent: kafkajs only initialises the producer id
  }

  /** Writes the messages and commits the consumed positions, all or nothing. */
  async commit(messages: OutboundMessage[], positions: ConsumedPosition[]): Promise<void> {
    if (messages.length === 0 && positions.length === 0) return;
    const transaction = await this.producer.transaction();
    try {
      // One request per chunk: a batch's output can exceed the broker's largest message size as one record batch.
      for (let start = 0; start < messages.length; start += SEND_CHUNK)
        await this.send(transaction, messages.slice(start, start + SEND_CHUNK));
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
    } catch (error) {
      await transaction.abort().catch(() => {});
      if (isFencing(error)) throw new TaskFencedError(`task ${this.transactionalId} was taken over by another worker`);
      throw error;
    }
  }

  private async send(transaction: Transaction, messages: OutboundMessage[]): Promise<void> {
    const byTopic = new Map<string, Message[]>();
    for (const message of messages) {
      const list = byTopic.get(message.topic) ?? [];
      list.push({
        key: message.key,
        value: message.value,
        partition: message.partition,
        headers: message.headers,
        ...(message.timestamp !== undefined ? { timestamp: String(message.timestamp) } : {}),
      });
      byTopic.set(message.topic, list);
    }
    // Covered: kafkajs may skip partitions whose leader moved during its retries (covered-send.ts); those are
    // sent again in the same transaction, and a partition written twice aborts it (the caller retries the batch).
    if (byTopic.size > 0)
      await sendCovered(
        (topicMessages) => transaction.sendBatch({ acks: -1, topicMessages }),
        [...byTopic].map(([topic, batch]) => ({ topic, messages: batch })),
        {
          onResend: (missing, attempt) =>
            log.warn(
              { task: this.transactionalId, attempt, missing: missing.map((entry) => entry.topic) },
              'kafkajs skipped partitions; sending them again',
            ),
        },
      );
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
  }
}
