// Watches a topic (course-stats) as a reader of committed data would, and notes
// when each key was first and last seen: how the bench knows a review reached the
// window's output without asking the process it measures.
import { randomUUID } from 'node:crypto';
import type { Consumer, Kafka } from 'kafkajs';

export class TopicWatch {
  /** Wall time (Date.now()) each key was first seen. */
  readonly firstSeen = new Map<string, number>();
  lastArrival = 0;
  records = 0;
  private consumer: Consumer | undefined;
  private readonly waiters = new Map<string, (() => void)[]>();

  constructor(
    private readonly kafka: Kafka,
    readonly topic: string,
  ) {}

  async start(): Promise<void> {
    const consumer = this.kafka.consumer({ groupId: `bench-watch-${randomUUID()}`, readUncommitted: false, maxWaitTimeInMs: 50 });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topic: this.topic, fromBeginning: true });
    let joined: () => void = () => {};
    const ready = new Promise<void>((done) => {
      joined = done;
    });
    consumer.on(consumer.events.GROUP_JOIN, () => joined());
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const now = Date.now();
        for (const message of batch.messages) {
          const key = message.key?.toString();
          if (key === undefined) continue;
          this.records++;
          this.lastArrival = now;
          if (this.firstSeen.has(key)) continue;
          this.firstSeen.set(key, now);
          for (const wake of this.waiters.get(key) ?? []) wake();
          this.waiters.delete(key);
        }
      },
    });
    await ready;
  }

  /** Resolves with the time the key was first seen, or undefined after `timeoutMs`. */
  async waitFor(key: string, timeoutMs: number): Promise<number | undefined> {
    const seen = this.firstSeen.get(key);
    if (seen !== undefined) return seen;
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((done) => {
      timer = setTimeout(done, timeoutMs);
      this.waiters.set(key, [...(this.waiters.get(key) ?? []), done]);
    });
    clearTimeout(timer);
    return this.firstSeen.get(key);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
