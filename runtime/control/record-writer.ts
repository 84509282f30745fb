// What an ingest endpoint writes through: a call resolves only once the cluster acknowledged the write.

/** A record and the key it is written under. */
export interface KeyedRecord {
  key: string;
  value: Record<string, unknown>;
}

export interface RecordWriter {
  /** One write, all of it or none. */
  put(records: KeyedRecord[]): Promise<void>;
  /** A tombstone for the key. */
  remove(key: string): Promise<void>;
}

/**
 * Whether a failed write may be in Kafka anyway: `not-written` when nothing reached a broker (no connection),
 * `unknown` once a produce request was sent (a broker may have appended it and the acknowledgement was lost).
 */
export type FailedWriteOutcome = 'not-written' | 'unknown';

/** The cluster could not take a write in time: the caller must not report success. */
export class IngestUnavailableError extends Error {
  constructor(
    message: string,
    readonly outcome: FailedWriteOutcome = 'unknown',
  ) {
    super(message);
  }
}

/** More than one write to the topic can hold: refused before anything is sent. */
export class WriteTooLargeError extends Error {
  constructor(
    readonly bytes: number,
    readonly limit: number,
    readonly topic: string,
  ) {
    super(
      `The write comes to ${bytes.toLocaleString('en-US')} bytes as Kafka records; one write to '${topic}' takes at most ` +
        `${limit.toLocaleString('en-US')}. Nothing was written.`,
    );
  }
}
