// How a stream of records is spread over partitions. The compiler compares these
// to decide where a repartition topic is needed: a stage that needs records
// partitioned by X gets them straight from its upstream only if that stream is
// already partitioned by X within the same sub-topology.
import { assertNever } from '../errors.ts';
import { type EngineRecord, isPlainObject } from './record.ts';

export type Partitioning =
  /** By the record key, the way Kafka's default partitioner spreads a keyed topic. */
  | { kind: 'record-key' }
  /** By the value of a top-level field of the record's value. */
  | { kind: 'field'; field: string }
  /** By a key a stage computes (e.g. the normalised text of a review); `name` identifies the computation. */
  | { kind: 'derived'; name: string }
  /** Not known (a map overwrote the field the stream was partitioned by): matches nothing. */
  | { kind: 'unknown' };

/** What a stage asks of its input: the partitioning, and how to compute a record's partition key. */
export interface PartitionRequirement {
  by: Partitioning;
  /** null when the record has no such key (e.g. a tombstone, which has no fields). */
  keyOf(record: EngineRecord): string | null;
  /**
   * Where a tombstone (no fields, so no partition key) goes through a repartition topic:
   * 'by-record-key' (default) partitions it by its record key; 'broadcast' sends a copy
   * to every partition, for a stage whose state for that record could be on any of
   * them (a window deleting a review by id holds the review under its course).
   * Such a stage must emit only from the copy that found its state.
   */
  tombstones?: 'by-record-key' | 'broadcast';
}

export function samePartitioning(a: Partitioning, b: Partitioning): boolean {
  switch (a.kind) {
    case 'record-key':
      return b.kind === 'record-key';
    case 'field':
      return b.kind === 'field' && a.field === b.field;
    case 'derived':
      return b.kind === 'derived' && a.name === b.name;
    case 'unknown':
      return false;
    default:
      return assertNever(a);
  }
}

export function describePartitioning(partitioning: Partitioning): string {
  switch (partitioning.kind) {
    case 'record-key':
      return 'record key';
    case 'field':
      return `field ${partitioning.field}`;
    case 'derived':
      return partitioning.name;
    case 'unknown':
      return 'unknown';
    default:
      return assertNever(partitioning);
  }
}

/** A field's value as a partition key: strings and numbers as text, anything else has no key. */
export function fieldKey(record: EngineRecord, field: string): string | null {
  if (!isPlainObject(record.value)) return null;
  const value = record.value[field];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return null;
}

export function partitionByField(field: string): PartitionRequirement {
  return { by: { kind: 'field', field }, keyOf: (record) => fieldKey(record, field) };
}
