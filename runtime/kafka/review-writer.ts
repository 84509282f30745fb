// Writes reviews to the `reviews` topic: idempotent producer, acks=all, bounded wait.
import type { Admin, Kafka, Producer } from 'kafkajs';
import type { Review } from '../../shared/api/review.ts';
import { IngestUnavailableError, type ReviewIngest } from '../control/review-ingest.ts';
import { logger } from '../log/logger.ts';
import { CoalescingSender } from './coalescing-sender.ts';
import { DuplicatedWriteError, pinningPartitioner, sendCovered } from './covered-send.ts';
import { createTopicsWithLeaders } from './create-topics.ts';
import { clusterReplication, replicationSettings } from './replication.ts';

const log = logger.child({ component: 'review-writer' });

export const REVIEWS_TOPIC = 'reviews';

export interface ReviewWriterOptions {
  topic?: string;
  partitions?: number;
  /** How long a write may wait for the cluster before the API answers 503. */
  timeoutMs?: number;
}

type Message = { key: string; value: string | null };

/** Kafka's default max.message.bytes is 1,048,588: a write of coalesced requests stays below it. */
const MAX_WRITE_BYTES = 1_000_000;
const bytesOf = (messages: Message[]) =>
  messages.reduce(
    (sum, message) => sum + 70 + Buffer.byteLength(message.key) + (message.value === null ? 0 : Buffer.byteLength(message.value)),
    0,
  );

export class KafkaReviewWriter implements ReviewIngest {
  private producer: Producer | undefined;
  /** One Kafka write at a time, the requests that arrive meanwhile written together (coalescing-sender.ts). */
  private readonly sender = new CoalescingSender<Message>(
    (messages) => this.writeOnce(messages),
    () => MAX_WRITE_BYTES,
    bytesOf,
  );
  private connecting: Promise<Producer> | undefined;
  private readonly topic: string;
  private readonly timeoutMs: number;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: ReviewWriterOptions = {},
  ) {
    this.topic = options.topic ?? REVIEWS_TOPIC;
    this.timeoutMs = options.timeoutMs ?? 5000;
  }

  /** Creates the topic when it is missing (the website may post before any pipeline runs). */
  async ensureTopic(admin: Admin): Promise<void> {
    const topics = await admin.listTopics();
    if (topics.includes(this.topic)) return;
    const replication = replicationSettings(await clusterReplication(admin));
    await createTopicsWithLeaders(admin, [{ topic: this.topic, numPartitions: this.options.partitions ?? 6, ...replication }]);
  }

  /** Puts and deletes in one acknowledged write, in order (the load generator's path). */
  async apply(operations: ({ review: Review } | { deleteId: string })[]): Promise<void> {
    await this.send(
      operations.map((operation) =>
        'review' in operation
          ? { key: operation.review.id, value: JSON.stringify(operation.review) }
          : { key: operation.deleteId, value: null },
      ),
    );
  }

  async put(reviews: Review[]): Promise<void> {
    await this.send(reviews.map((review) => ({ key: review.id, value: JSON.stringify(review) })));
  }

  async remove(id: string): Promise<void> {
    await this.send([{ key: id, value: null }]);
  }

  async close(): Promise<void> {
    await this.producer?.disconnect();
    this.producer = undefined;
    this.connecting = undefined;
  }

  private async send(messages: Message[]): Promise<void> {
    const pending = { messages, abandoned: false };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, fail) => {
      timer = setTimeout(() => {
        pending.abandoned = true; // still waiting its turn: it is never sent
        fail(new IngestUnavailableError(`Kafka did not acknowledge the write within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
    });
    const sending = this.sender.send(pending);
    sending.catch(() => {}); // answered by the timeout already, when it comes to that
    try {
      await Promise.race([sending, timeout]);
    } catch (error) {
      if (error instanceof IngestUnavailableError) throw error;
      throw new IngestUnavailableError(`Kafka refused the write: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }

  /** One write of the sender's: a failed one takes its producer with it (see coalescing-sender.ts). */
  private async writeOnce(messages: Message[]): Promise<void> {
    const producer = await this.connected();
    try {
      await this.sendCovered(producer, messages);
    } catch (error) {
      // Stored, twice: the same as a client retrying with the same id, which the pipeline takes as one review.
      if (error instanceof DuplicatedWriteError) {
        log.warn({ err: error.message }, 'a write reached Kafka twice');
        return;
      }
      // The numbers kafkajs handed back for the failed write may belong to records the broker has: a fresh
      // producer (a new producer id) never reuses them.
      this.discard(producer);
      throw error;
    }
  }

  private discard(producer: Producer): void {
    if (this.producer !== producer) return;
    this.producer = undefined;
    this.connecting = undefined;
    void producer.disconnect().catch(() => {});
  }

  /** kafkajs may skip partitions whose leader moved while it retried: those are sent again (covered-send.ts). */
  private async sendCovered(producer: Producer, messages: Message[]): Promise<void> {
    await sendCovered((topicMessages) => producer.sendBatch({ acks: -1, topicMessages }), [{ topic: this.topic, messages }], {
      onResend: (missing, attempt) =>
        log.warn({ attempt, records: missing[0]?.messages.length }, 'kafkajs skipped partitions; sending them again'),
    });
  }

  private connected(): Promise<Producer> {
    if (this.producer) return Promise.resolve(this.producer);
    this.connecting ??= (async () => {
      // Retries 0.1, 0.3, 0.7, 1.5 s … then every second: a broker that died is fenced after 3 s on the local cluster,
      // and the write reaches its partitions' new leaders before the API's 5 s are up.
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 5,
        createPartitioner: pinningPartitioner,
        retry: { initialRetryTime: 100, maxRetryTime: 1000, retries: 10 },
      });
      try {
        await producer.connect();
      } catch (error) {
        this.connecting = undefined;
        throw error;
      }
      this.producer = producer;
      return producer;
    })();
    return this.connecting;
  }
}
