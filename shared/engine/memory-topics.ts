// Topics as arrays, for the memory driver: partitions, offsets, and Kafka's
// default partitioner for records that name no partition.
import { partitionForKey } from './partitioner.ts';
import type { OutboundRecord, RawRecord } from './record.ts';

export class MemoryTopics {
  private readonly topics = new Map<string, RawRecord[][]>();
  /** Every record per topic in the order it was appended, across partitions. */
  private readonly appended = new Map<string, RawRecord[]>();
  private roundRobin = 0;

  constructor(
    partitionCounts: Iterable<[string, number]>,
    private readonly defaultPartitions: number,
  ) {
    for (const [name, partitions] of partitionCounts) this.ensure(name, partitions);
  }

  partitions(topic: string): number {
    return this.ensure(topic).length;
  }

  /** Appends a record; a record with no partition goes where Kafka's default partitioner would put it. */
  append(record: OutboundRecord, timestamp: number): RawRecord {
    const partitions = this.ensure(record.topic);
    const partition =
      record.partition ?? (record.key === null ? this.roundRobin++ % partitions.length : partitionForKey(record.key, partitions.length));
    const log = partitions[partition];
    if (!log) throw new Error(`${record.topic} has no partition ${partition}`);
    const raw: RawRecord = {
      topic: record.topic,
      partition,
      offset: log.length,
      key: record.key,
      value: record.value,
      timestamp: record.timestamp ?? timestamp,
      headers: { ...record.headers },
    };
    log.push(raw);
    const all = this.appended.get(record.topic);
    if (all) all.push(raw);
    else this.appended.set(record.topic, [raw]);
    return raw;
  }

  read(topic: string, partition: number, fromOffset: number): RawRecord[] {
    return this.topics.get(topic)?.[partition]?.slice(fromOffset) ?? [];
  }

  /** Every record of the topic, in the order they were written. */
  all(topic: string): RawRecord[] {
    return [...(this.appended.get(topic) ?? [])];
  }

  private ensure(topic: string, partitions = this.defaultPartitions): RawRecord[][] {
    let logs = this.topics.get(topic);
    if (!logs) {
      logs = Array.from({ length: partitions }, () => []);
      this.topics.set(topic, logs);
    }
    return logs;
  }
}
