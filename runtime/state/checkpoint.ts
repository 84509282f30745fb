// What a task's files on disk reflect: for each changelog partition, the offset up
// to which its records are in the stores (Kafka Streams' .checkpoint file), and the
// identity of the stores (the task, its stores and their nodes' configs), so that
// files of another pipeline version are never taken for this one's.
//
// Replaying a changelog from any offset at or before the true one gives the same
// state (each record is the whole value of its key, applied in order), so an
// offset that is a little early costs a few records, never correctness.

export interface Checkpoint {
  identity: string;
  /** When it was written (ms): a compacted changelog drops tombstones after delete.retention.ms (a day by default). */
  writtenAt: number;
  /** `topic:partition` → the next offset to restore from. */
  offsets: Record<string, number>;
  /**
   * The task's counters record as of these offsets (task-counters.ts): the counters partition is read like a
   * changelog, but what it restores lives in memory, not in the stores, so the checkpoint carries it.
   */
  counters?: string;
}

export const CHECKPOINT_VERSION = 1;

/** The checkpoint as stored, or undefined when it is missing, unreadable or of another shape (then: restore everything). */
export function parseCheckpoint(stored: unknown): Checkpoint | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const { version, identity, offsets, writtenAt, counters } = stored as Record<string, unknown>;
  if (version !== CHECKPOINT_VERSION || typeof identity !== 'string' || typeof writtenAt !== 'number') return undefined;
  if (counters !== undefined && typeof counters !== 'string') return undefined;
  if (typeof offsets !== 'object' || offsets === null || Array.isArray(offsets)) return undefined;
  const parsed: Record<string, number> = {};
  for (const [partition, offset] of Object.entries(offsets)) {
    if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0) return undefined;
    parsed[partition] = offset;
  }
  return { identity, writtenAt, offsets: parsed, ...(counters === undefined ? {} : { counters }) };
}

export function storedCheckpoint(checkpoint: Checkpoint): Record<string, unknown> {
  const { identity, writtenAt, offsets, counters } = checkpoint;
  return { version: CHECKPOINT_VERSION, identity, writtenAt, offsets, ...(counters === undefined ? {} : { counters }) };
}

export interface PartitionEnds {
  low: number;
  high: number;
}

/**
 * Half of the changelogs' delete.retention.ms (Kafka's default, a day): a tombstone written after
 * an older checkpoint may have been compacted away, and replaying the tail would miss the delete.
 */
export const CHECKPOINT_MAX_AGE_MS = 12 * 60 * 60 * 1000;

/**
 * The offsets to restore from, when the checkpoint is this task's, recent, and every one of
 * its changelog partitions has an offset the partition still holds (between its start and its
 * end); otherwise undefined: a stale checkpoint (a changelog deleted and made again, records
 * deleted past it, or older than CHECKPOINT_MAX_AGE_MS) means a full restore.
 */
export function resumeOffsets(
  checkpoint: Checkpoint | undefined,
  identity: string,
  partitions: string[],
  ends: Map<string, PartitionEnds>,
  now: number,
): Map<string, number> | undefined {
  if (!checkpoint || checkpoint.identity !== identity) return undefined;
  if (now - checkpoint.writtenAt > CHECKPOINT_MAX_AGE_MS || checkpoint.writtenAt > now + 60_000) return undefined;
  const resume = new Map<string, number>();
  for (const partition of partitions) {
    const offset = checkpoint.offsets[partition];
    const end = ends.get(partition) ?? { low: 0, high: 0 };
    if (offset === undefined || offset > end.high || offset < end.low) return undefined;
    resume.set(partition, offset);
  }
  return resume;
}
