// The record model the engine moves between operators, and the wire shapes a
// driver hands in and takes out. Values on the wire are strings (JSON): the
// engine decodes them once at the edge of a sub-topology and encodes once on the way out.

/** Where a record was read from: kept so a dead letter can name its input exactly. */
export interface RecordOrigin {
  topic: string;
  partition: number;
  offset: number;
}

/** A record between operators. `value: null` is a tombstone (a delete). */
export interface EngineRecord {
  key: string | null;
  value: Record<string, unknown> | null;
  /** Milliseconds since the epoch: the event time when the source has an event-time field. */
  timestamp: number;
  headers: Record<string, string>;
  origin?: RecordOrigin;
}

export interface TopicPartition {
  topic: string;
  partition: number;
}

/** A record as a driver reads it from a topic (structurally the Kafka driver's InboundRecord). */
export interface RawRecord extends TopicPartition {
  offset: number;
  key: string | null;
  /** null is a tombstone. */
  value: string | null;
  timestamp: number;
  headers: Record<string, string>;
}

/** A record a driver must write. `partition` is set whenever the engine decided it (internal topics). */
export interface OutboundRecord {
  topic: string;
  partition?: number;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  timestamp?: number;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The event time a derived record is as of (ISO): a window's output carries the latest event time it has applied. */
export const EVENT_TIME_HEADER = 'sluice.event-time';
