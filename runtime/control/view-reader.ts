// What a view endpoint reads from: a local replica of the view's compacted topic.

/** One key's latest value, with what it reflects. */
export interface ViewValue {
  value: Record<string, unknown>;
  /** The event time the value is as of (ISO), when the pipeline said. */
  eventTime?: string;
  /** When the pipeline wrote it (ISO). */
  processedAt?: string;
}

export interface ViewFreshness {
  stale: boolean;
  /** Records the replica has not applied yet. */
  behindBy?: number;
  reason?: string;
}

export interface ViewReader {
  /** False while the replica is still catching up with the topic as it was when it started. */
  ready(): boolean;
  get(key: string): ViewValue | undefined;
  /** Stale, and by how many records, while the replica is behind the topic (catching up, or fallen behind). */
  freshness(): ViewFreshness;
}
