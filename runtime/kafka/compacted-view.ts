// A local copy of a compacted topic (the latest value per key), kept current by
// a read_committed consumer. Every worker keeps one per view, so any worker answers
// a view's reads without routing to the owner of the key.
import { randomUUID } from 'node:crypto';
import type { Admin, Consumer, IHeaders, Kafka } from 'kafkajs';
import { committedRecordsOf } from './committed-records.ts';
import { countFetches } from './fetch-counter.ts';
import { FOLLOWER_FETCH_WAIT_MS } from './poll-settings.ts';
import { fetchTopicEnds } from './topic-offsets.ts';
import { type Freshness, freshness } from './view-freshness.ts';

/** How often the replica compares its position with the topic's end. */
const FRESHNESS_CHECK_MS = 2000;

export class CompactedView<T> {
  private readonly values = new Map<string, T>();
  private consumer: Consumer | undefined;
  private targets = new Map<number, number>();
  private caughtUp = false;
  /** Per partition, the next offset this replica applies. */
  private readonly positions = new Map<number, number>();
  private previousEnds = new Map<number, number>();
  private current: Freshness = { stale: false };
  private checker: NodeJS.Timeout | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly admin: Admin,
    readonly topic: string,
    private readonly parse: (value: string, headers: Record<string, string>) => T,
    /** Whether reads need to know how far behind the replica is (views do); asking the broker costs a little, always. */
    private readonly options: { checkFreshness: boolean } = { checkFreshness: true },
  ) {}

  private retry: NodeJS.Timeout | undefined;

  /** Starts following the topic; reads are "not ready" until it reached the end it had now. */
  async open(): Promise<void> {
    if (!(await this.admin.listTopics()).includes(this.topic)) {
      // Nothing written yet, so an empty view is the truth; follow the topic once a pipeline creates it.
      this.caughtUp = true;
      this.retry = setTimeout(() => void this.open().catch(() => {}), 2000);
      return;
    }
    // Right after a pipeline created the topic its partitions may have no leader yet.
    const ends = await fetchTopicEnds(this.admin, this.topic);
    for (const offsets of ends) {
      if (Number(offsets.high) > Number(offsets.low)) this.targets.set(offsets.partition, Number(offsets.high));
      this.positions.set(offsets.partition, Number(offsets.low));
      this.previousEnds.set(offsets.partition, Number(offsets.high));
    }
    this.caughtUp = this.targets.size === 0;
    if (this.options.checkFreshness) this.startCheckingFreshness();
    const consumer = this.kafka.consumer({
      groupId: `sluice-view-${randomUUID()}`,
      readUncommitted: false,
      maxWaitTimeInMs: FOLLOWER_FETCH_WAIT_MS,
    });
    this.consumer = consumer;
    countFetches(consumer, this.options.checkFreshness ? 'view' : 'counters');
    await consumer.connect();
    await consumer.subscribe({ topics: [new RegExp(`^${this.topic.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const committed = committedRecordsOf(batch);
        for (const message of committed.records) {
          const key = message.key?.toString();
          if (key === undefined) continue;
          if (message.value === null) this.values.delete(key);
          else this.values.set(key, this.parse(message.value.toString(), headersOf(message.headers)));
        }
        if (committed.resumeAt !== undefined) {
          consumer.seek({ topic: batch.topic, partition: batch.partition, offset: String(committed.resumeAt) });
          this.positions.set(batch.partition, committed.resumeAt);
          return;
        }
        this.positions.set(batch.partition, Number(batch.lastOffset()) + 1);
        const target = this.targets.get(batch.partition);
        if (target !== undefined && (Number(batch.lastOffset()) + 1 >= target || batch.offsetLag() === '0'))
          this.targets.delete(batch.partition);
        if (this.targets.size === 0) this.caughtUp = true;
      },
    });
  }

  ready(): boolean {
    return this.caughtUp;
  }

  /** Whether reads are current: stale (with how far behind) while catching up or when the replica fell behind the topic. */
  freshness(): Freshness {
    if (this.caughtUp) return this.current;
    let behindBy = 0;
    for (const [partition, target] of this.targets) behindBy += Math.max(0, target - (this.positions.get(partition) ?? 0));
    return { stale: true, behindBy, reason: 'the local replica is still catching up' };
  }

  private startCheckingFreshness(): void {
    this.checker = setInterval(() => void this.checkFreshness(), FRESHNESS_CHECK_MS);
    this.checker.unref();
  }

  private async checkFreshness(): Promise<void> {
    try {
      const ends = new Map((await fetchTopicEnds(this.admin, this.topic)).map((o) => [o.partition, o.high]));
      this.current = freshness({ positions: this.positions, ends, previousEnds: this.previousEnds });
      this.previousEnds = ends;
    } catch (error) {
      this.current = { stale: true, reason: `cannot reach Kafka to know: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  get(key: string): T | undefined {
    return this.values.get(key);
  }

  size(): number {
    return this.values.size;
  }

  entries(): IterableIterator<[string, T]> {
    return this.values.entries();
  }

  async close(): Promise<void> {
    clearTimeout(this.retry);
    clearInterval(this.checker);
    await this.consumer?.disconnect();
  }
}

function headersOf(headers: IHeaders | undefined): Record<string, string> {
  const plain: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined) plain[name] = value.toString();
  return plain;
}
