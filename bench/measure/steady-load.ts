// Steady traffic straight into a source topic, with a probe review in every tick:
// what a worker is doing when the recovery measure kills it, and how the bench
// sees, per window partition, when records flow through again.
import type { Kafka } from 'kafkajs';
import { KafkaRecordWriter } from '../../runtime/kafka/record-writer.ts';
import type { Review } from '../../shared/api/review.ts';
import { asWrites, type LoadOperation } from '../load/traffic.ts';
import { type ProbeTiming, probeReview } from './probes.ts';
import type { TopicWatch } from './topic-watch.ts';

export interface SteadyLoadOptions {
  /** Reviews per second, probes included. */
  rate: number;
  /** Window partitions: the probes go round them. */
  partitions: number;
  run: string;
  tickMs?: number;
}

export class SteadyLoad {
  private readonly probes: { courseId: string; partition: number; sentAt: number }[] = [];
  private readonly writer: KafkaRecordWriter;
  private running: Promise<void> | undefined;
  private stopped = false;
  failures = 0;

  constructor(
    kafka: Kafka,
    topic: string,
    private readonly background: Iterator<LoadOperation>,
    private readonly options: SteadyLoadOptions,
  ) {
    this.writer = new KafkaRecordWriter(kafka, { topic, timeoutMs: 30_000 });
  }

  start(): void {
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
    await this.writer.close();
  }

  /** Every probe so far, with when course-stats first showed it. */
  timings(watch: TopicWatch): ProbeTiming[] {
    return this.probes.map(({ courseId, partition, sentAt }) => ({ partition, sentAt, seenAt: watch.firstSeen.get(courseId) }));
  }

  private async loop(): Promise<void> {
    const tickMs = this.options.tickMs ?? 100;
    const perTick = Math.max(0, Math.round((this.options.rate * tickMs) / 1000) - 1);
    for (let n = 0; !this.stopped; n++) {
      const began = Date.now();
      const probe = probeReview(this.options.run, n, began, this.options.partitions);
      const operations: ({ kind: 'put'; review: Review } | LoadOperation)[] = [];
      for (let i = 0; i < perTick; i++) {
        const next = this.background.next();
        if (next.done) break;
        operations.push(next.value);
      }
      operations.push({ kind: 'put', review: probe });
      try {
        await this.writer.apply(asWrites(operations));
        this.probes.push({ courseId: probe.courseId, partition: n % this.options.partitions, sentAt: Date.now() });
      } catch {
        this.failures++;
      }
      await new Promise((done) => setTimeout(done, Math.max(0, tickMs - (Date.now() - began))));
    }
  }
}
