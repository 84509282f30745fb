// Writes reviews to the `reviews` topic: idempotent producer, acks=all, bounded wait.
import type { Admin, Kafka, Producer } from 'kafkajs';
import type { Review } from '../../shared/api/review.ts';
import { IngestUnavailableError, type ReviewIngest } from '../control/review-ingest.ts';
import { logger } from '../log/logger.ts';
import { DuplicatedWriteError, pinningPartitioner, sendCovered } from './covered-send.ts';
import { clusterReplication, replicationSettings } from './replication.ts';

const log = logger.child({ component: 'review-writer' });

export const REVIEWS_TOPIC = 'reviews';

export interface ReviewWriterOptions {
  topic?: string;
  partitions?: number;
  /** How long a write may wait for the cluster before the API answers 503. */
  timeoutMs?: number;
}

export class KafkaReviewWriter implements ReviewIngest {
  private producer: Producer | undefined;
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
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic: this.topic, numPartitions: this.options.partitions ?? 6, ...replication }],
    });
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

  private async send(messages: { key: string; value: string | null }[]): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, fail) => {
      timer = setTimeout(
        () => fail(new IngestUnavailableError(`Kafka did not acknowledge the write within ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
    });
    try {
      const producer = await Promise.race([this.connected(), timeout]);
      await Promise.race([this.sendCovered(producer, messages), timeout]);
    } catch (error) {
      if (error instanceof IngestUnavailableError) throw error;
      // Stored, twice: the same as a client retrying with the same id, which the pipeline takes as one review.
      if (error instanceof DuplicatedWriteError) {
        log.warn({ err: error.message }, 'a write reached Kafka twice');
        return;
      }
      throw new IngestUnavailableError(`Kafka refused the write: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }

  /** kafkajs may skip partitions whose leader moved while it retried: those are sent again (covered-send.ts). */
  private async sendCovered(producer: Producer, messages: { key: string; value: string | null }[]): Promise<void> {
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
