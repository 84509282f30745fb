// What one batch (or one timer firing) of a task produced: everything a
// transactional driver commits together with the consumed offsets.

import type { OutboundRecord } from './record.ts';
import { encodeChangelogValue } from './record-codec.ts';
import type { SinkWrite } from './sink-write.ts';

export interface ChangelogWrite {
  /** The store id, `<node>.<store>`. */
  store: string;
  topic: string;
  /** Always the task's partition: a store's changelog partition belongs to one task. */
  partition: number;
  key: string;
  /** null deletes the key (a tombstone). */
  value: unknown | null;
}

export interface ConsumedPosition {
  topic: string;
  partition: number;
  /** The next offset to consume: what the group's committed offset becomes. */
  nextOffset: number;
}

export interface BatchResult {
  /** Records for sink topics and repartition topics, in the order they were emitted. */
  outputs: OutboundRecord[];
  changelog: ChangelogWrite[];
  /** Writes outside Kafka, to be executed (idempotently) before the transaction commits. */
  sinkWrites: SinkWrite[];
  /** Already addressed to the pipeline's DLQ topic, with the sluice.* headers. */
  deadLetters: OutboundRecord[];
  /** Empty for timer firings: they consume nothing. */
  lastOffsets: ConsumedPosition[];
}

export function emptyBatchResult(): BatchResult {
  return { outputs: [], changelog: [], sinkWrites: [], deadLetters: [], lastOffsets: [] };
}

export function changelogRecord(write: ChangelogWrite): OutboundRecord {
  return { topic: write.topic, partition: write.partition, key: write.key, value: encodeChangelogValue(write.value), headers: {} };
}

/** Every Kafka record of the batch, for one transaction: outputs, then changelog, then dead letters. */
export function batchMessages(result: BatchResult): OutboundRecord[] {
  return [...result.outputs, ...result.changelog.map(changelogRecord), ...result.deadLetters];
}
