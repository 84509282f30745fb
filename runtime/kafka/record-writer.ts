// Writes an ingest endpoint's records to its topic: idempotent producer, acks=all, bounded wait, one Kafka write
// per call, and a fresh producer after any failed write.
import type { Admin, Kafka, Producer } from 'kafkajs';
import { IngestUnavailableError, type KeyedRecord, type RecordWriter, WriteTooLargeError } from '../control/record-writer.ts';
import { logger } from '../log/logger.ts';
import { CoalescingSender, type Pending } from './coalescing-sender.ts';
import { DuplicatedWriteError, pinningPartitioner, sendCovered } from './covered-send.ts';
import { createTopicsWithLeaders } from './create-topics.ts';
import { DEFAULT_MAX_MESSAGE_BYTES, recordBatchBytes } from './record-size.ts';
import { clusterReplication, replicationSettings } from './replication.ts';
import { KEEP_FOREVER } from './topics.ts';

const log = logger.child({ component: 'record-writer' });

export interface RecordWriterOptions {
  topic: string;
  partitions?: number;
  /** How long a write may wait for the cluster before the API answers 503. */
  timeoutMs?: number;
  /** The most one write may hold; by default the topic's max.message.bytes, read by ensureTopic. */
  maxWriteBytes?: number;
}

type Message = { key: string; value: string | null };

/**
 * kafkajs retries an idempotent producer's send for ever by default, reconnecting even after disconnect(): a
 * send the API gave up on would go on trying (and may still land) long after. Its retries end at about the
 * API's own timeout instead.
 */
function retriesWithin(timeoutMs: number) {
  const initialRetryTime = 100;
  const maxRetryTime = 1000;
  // 100 + 200 + 400 + 800 ms, then 1 s per retry.
  return { initialRetryTime, maxRetryTime, retries: 4 + Math.max(0, Math.ceil((timeoutMs - 1500) / maxRetryTime)) };
}

// kafkajs's ConfigResourceTypes.TOPIC; Node's ESM loader cannot see that named export of kafkajs's CommonJS index.
const TOPIC_RESOURCE = 2;

async function topicMaxMessageBytes(admin: Admin, topic: string): Promise<number> {
  try {
    const described = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: TOPIC_RESOURCE, name: topic, configNames: ['max.message.bytes'] }],
    });
    const value = Number(described.resources[0]?.configEntries.find((entry) => entry.configName === 'max.message.bytes')?.configValue);
    return Number.isInteger(value) && value > 0 ? value : DEFAULT_MAX_MESSAGE_BYTES;
  } catch {
    return DEFAULT_MAX_MESSAGE_BYTES;
  }
}

/** Splits messages, in order, into writes of at most `limit` bytes each. */
export function chunksUnder(messages: Message[], limit: number): Message[][] {
  const chunks: Message[][] = [];
  let chunk: Message[] = [];
  let bytes = recordBatchBytes([]);
  for (const message of messages) {
    const more = recordBatchBytes([message]) - recordBatchBytes([]);
    if (chunk.length > 0 && bytes + more > limit) {
      chunks.push(chunk);
      chunk = [];
      bytes = recordBatchBytes([]);
    }
    chunk.push(message);
    bytes += more;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

export class KafkaRecordWriter implements RecordWriter {
  /** The producer in use (connected or connecting); replaced after any failed write. */
  private producer: Promise<Producer> | undefined;
  private readonly topic: string;
  private readonly timeoutMs: number;
  private maxWriteBytes: number;
  /** One Kafka write at a time, the requests that arrive meanwhile written together (coalescing-sender.ts). */
  private readonly sender = new CoalescingSender<Message>(
    (messages) => this.writeOnce(messages),
    () => this.maxWriteBytes,
    recordBatchBytes,
  );

  constructor(
    private readonly kafka: Kafka,
    private readonly options: RecordWriterOptions,
  ) {
    this.topic = options.topic;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.maxWriteBytes = options.maxWriteBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  }

  /** Creates the topic when it is missing (a client may post before the pipeline's tasks run) and reads its size limit. */
  async ensureTopic(admin: Admin): Promise<void> {
    const topics = await admin.listTopics();
    if (!topics.includes(this.topic)) {
      const { replicationFactor, configEntries } = replicationSettings(await clusterReplication(admin));
      await createTopicsWithLeaders(admin, [
        {
          topic: this.topic,
          numPartitions: this.options.partitions ?? 6,
          replicationFactor,
          // Every record here was acknowledged to a client: none may fall to retention.
          configEntries: [...configEntries, ...Object.entries(KEEP_FOREVER).map(([name, value]) => ({ name, value }))],
        },
      ]);
    }
    if (this.options.maxWriteBytes === undefined) this.maxWriteBytes = await topicMaxMessageBytes(admin, this.topic);
  }

  /** Puts and deletes in order (a load generator's path): several writes when they are more than one can hold. */
  async apply(operations: ({ put: KeyedRecord } | { remove: string })[]): Promise<void> {
    const messages = operations.map((operation) =>
      'put' in operation ? { key: operation.put.key, value: JSON.stringify(operation.put.value) } : { key: operation.remove, value: null },
    );
    for (const chunk of chunksUnder(messages, this.maxWriteBytes)) await this.send(chunk);
  }

  /** One write, all of it or none: more than the topic takes in one write is refused before anything is sent. */
  async put(records: KeyedRecord[]): Promise<void> {
    await this.send(records.map((record) => ({ key: record.key, value: JSON.stringify(record.value) })));
  }

  async remove(key: string): Promise<void> {
    await this.send([{ key, value: null }]);
  }

  async close(): Promise<void> {
    const current = this.producer;
    this.producer = undefined;
    await current?.then((producer) => producer.disconnect()).catch(() => {});
  }

  private async send(messages: Message[]): Promise<void> {
    const bytes = recordBatchBytes(messages);
    if (bytes > this.maxWriteBytes) throw new WriteTooLargeError(bytes, this.maxWriteBytes, this.topic);
    const pending: Pending<Message> = { messages, abandoned: false };
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Error(`Kafka did not acknowledge the write within ${this.timeoutMs} ms`);
    const timeout = new Promise<never>((_, fail) => {
      timer = setTimeout(() => {
        pending.abandoned = true; // still waiting its turn: it is never sent
        fail(timedOut);
      }, this.timeoutMs);
    });
    const sending = this.sender.send(pending);
    sending.catch(() => {}); // answered by the timeout already, when it comes to that
    try {
      await Promise.race([sending, timeout]);
    } catch (error) {
      if (error instanceof IngestUnavailableError) throw error;
      // A write still waiting its turn when the time ran out was never sent.
      if (error === timedOut) throw new IngestUnavailableError(timedOut.message, pending.taken ? 'unknown' : 'not-written');
      throw new IngestUnavailableError(`Kafka refused the write: ${messageOf(error)}`, 'unknown');
    } finally {
      clearTimeout(timer);
    }
  }

  /** One write of the sender's (several requests, in order): a failed one takes its producer with it (coalescing-sender.ts). */
  private async writeOnce(messages: Message[]): Promise<void> {
    const current = this.connected();
    let producer: Producer;
    try {
      producer = await current;
    } catch (error) {
      // Nothing was sent: no broker has any of it.
      this.discard(current);
      throw new IngestUnavailableError(`Kafka is unreachable: ${messageOf(error)}`, 'not-written');
    }
    try {
      await this.sendCovered(producer, messages);
    } catch (error) {
      // Stored, twice: the same as a client retrying with the same id, which the pipeline takes as one record.
      if (error instanceof DuplicatedWriteError) {
        log.warn({ err: error.message }, 'a write reached Kafka twice');
        return;
      }
      // Whatever went wrong, this producer's sequence numbers may no longer match the broker's (a partition that
      // took its part of the write while another refused): a fresh producer, with a new producer id, takes over.
      this.discard(current);
      throw error;
    }
  }

  /** kafkajs may skip partitions whose leader moved while it retried: those are sent again (covered-send.ts). */
  private async sendCovered(producer: Producer, messages: Message[]): Promise<void> {
    await sendCovered(
      (topicMessages) => producer.sendBatch({ acks: -1, timeout: this.timeoutMs, topicMessages }),
      [{ topic: this.topic, messages }],
      {
        onResend: (missing, attempt) =>
          log.warn({ attempt, records: missing[0]?.messages.length }, 'kafkajs skipped partitions; sending them again'),
      },
    );
  }

  private connected(): Promise<Producer> {
    this.producer ??= this.connect();
    return this.producer;
  }

  private async connect(): Promise<Producer> {
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 5,
      retry: retriesWithin(this.timeoutMs),
      createPartitioner: pinningPartitioner,
    });
    try {
      await producer.connect();
      return producer;
    } catch (error) {
      await producer.disconnect().catch(() => {});
      throw error;
    }
  }

  /** Forgets this producer (unless another failure already replaced it); the next write connects a new one. */
  private discard(failed: Promise<Producer>): void {
    if (this.producer !== failed) return;
    this.producer = undefined;
    void failed.then((producer) => producer.disconnect()).catch(() => {});
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
