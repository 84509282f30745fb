// Collects what one batch (or timer firing) of a task writes: outputs to sink and
// repartition topics, sink writes, dead letters. The task hands it over as a
// BatchResult and starts a new one.
import { type BatchResult, type ChangelogWrite, type ConsumedPosition, emptyBatchResult } from './batch-result.ts';
import { DLQ_HEADERS, deadLetterOfRaw, deadLetterOfRecord } from './dead-letter.ts';
import { withCopyHeader } from './node-accounting.ts';
import type { ProducedRecord } from './operator.ts';
import { partitionForKey } from './partitioner.ts';
import type { PartitionRequirement } from './partitioning.ts';
import type { EngineRecord, RawRecord } from './record.ts';
import { encodeInternalHeaders, encodeValue } from './record-codec.ts';
import type { RowOperation, SinkTarget, SinkWrite } from './sink-write.ts';

export type DeadLetterListener = (event: {
  node: string;
  stage: string;
  reason: string;
  error: string;
  record: EngineRecord | RawRecord;
}) => void;

export class BatchCollector {
  private result = emptyBatchResult();
  private sinkWrites = new Map<string, SinkWrite>();

  constructor(
    private readonly dlqTopic: string,
    private readonly onDeadLetter: DeadLetterListener = () => {},
  ) {}

  produce(produced: ProducedRecord): void {
    const { topic, key, value, headers, timestamp } = produced;
    this.result.outputs.push({ topic, key, value: encodeValue(value), headers, timestamp });
  }

  writeRows(node: string, target: SinkTarget, operations: readonly RowOperation[]): void {
    let write = this.sinkWrites.get(node);
    if (!write) {
      write = { node, target, operations: [] };
      this.sinkWrites.set(node, write);
    }
    write.operations.push(...operations);
  }

  /**
   * Writes a record to a repartition topic, on the partition Kafka's partitioner would
   * pick for its partition key; a tombstone the stage wants everywhere goes to every partition.
   */
  repartition(
    target: { topic: string; partitions: number },
    record: EngineRecord,
    requirement: PartitionRequirement | undefined,
    fallbackPartition: number,
  ): void {
    if (record.value === null && requirement?.tombstones === 'broadcast') {
      for (let partition = 0; partition < target.partitions; partition++)
        this.internal(target.topic, partition, record.key, withCopyHeader(record, partition));
      return;
    }
    const key = requirement?.keyOf(record) ?? record.key;
    // A record without any key keeps the partition number it came from, so such records still spread.
    const partition = key === null ? fallbackPartition % target.partitions : partitionForKey(key, target.partitions);
    this.internal(target.topic, partition, key, record);
  }

  deadLetterRecord(record: EngineRecord, failure: { node: string; stage: string; reason: string; error: unknown }): void {
    const letter = deadLetterOfRecord(record, { dlqTopic: this.dlqTopic, ...failure });
    this.result.deadLetters.push(letter);
    this.onDeadLetter({ ...failure, error: letter.headers[DLQ_HEADERS.error] ?? '', record });
  }

  deadLetterRaw(raw: RawRecord, failure: { node: string; stage: string; reason: string; error: string }): void {
    this.result.deadLetters.push(deadLetterOfRaw(raw, { dlqTopic: this.dlqTopic, ...failure }));
    this.onDeadLetter({ ...failure, record: raw });
  }

  /** Hands over everything collected and starts afresh. */
  take(lastOffsets: ConsumedPosition[], changelog: ChangelogWrite[]): BatchResult {
    const result: BatchResult = { ...this.result, lastOffsets, changelog, sinkWrites: [...this.sinkWrites.values()] };
    this.result = emptyBatchResult();
    this.sinkWrites = new Map();
    return result;
  }

  private internal(topic: string, partition: number, key: string | null, record: EngineRecord): void {
    this.result.outputs.push({
      topic,
      partition,
      key,
      value: encodeValue(record.value),
      headers: encodeInternalHeaders(record),
      timestamp: record.timestamp,
    });
  }
}
