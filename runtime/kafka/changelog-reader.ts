// Reads changelog partitions from the beginning to their current end, to rebuild
// a task's state stores before it processes anything.
//
// kafkajs has no manual partition assignment, so the reader joins a throwaway
// consumer group of its own (never the pipeline's group, never committing),
// subscribes to the changelog topics and reads only the partitions asked for.
import { randomUUID } from 'node:crypto';
import type { Admin, Kafka } from 'kafkajs';
import { committedRecordsOf } from './committed-records.ts';
import { fetchTopicEnds } from './topic-offsets.ts';

export interface ChangelogRecord {
  topic: string;
  partition: number;
  key: string;
  /** null is a tombstone: the key was deleted. */
  value: Buffer | null;
}

export interface RestoreProgress {
  topic: string;
  partition: number;
  restored: number;
  total: number;
}

export interface ChangelogPartition {
  topic: string;
  partition: number;
}

/** The offset up to which a partition must be read: its high watermark when the restore began. */
async function endOffsets(admin: Admin, partitions: ChangelogPartition[]): Promise<Map<string, { low: number; high: number }>> {
  const ends = new Map<string, { low: number; high: number }>();
  for (const topic of new Set(partitions.map((p) => p.topic))) {
    for (const offsets of await fetchTopicEnds(admin, topic)) {
      ends.set(`${topic}:${offsets.partition}`, { low: Number(offsets.low), high: Number(offsets.high) });
    }
  }
  return ends;
}

/**
 * Calls `apply` for every record of the given changelog partitions, in offset
 * order per partition, and resolves when each partition was read to the end it
 * had when the restore began (its owner is this worker, so nothing newer can
 * be committed meanwhile: a zombie writer was fenced before the restore).
 */
export async function readChangelogs(
  kafka: Kafka,
  admin: Admin,
  partitions: ChangelogPartition[],
  apply: (record: ChangelogRecord) => void,
  onProgress: (progress: RestoreProgress) => void = () => {},
): Promise<void> {
  if (partitions.length === 0) return;
  const ends = await endOffsets(admin, partitions);
  const pending = new Map<string, { next: number; high: number; low: number; restored: number }>();
  for (const { topic, partition } of partitions) {
    const end = ends.get(`${topic}:${partition}`) ?? { low: 0, high: 0 };
    if (end.high > end.low) pending.set(`${topic}:${partition}`, { next: end.low, ...end, restored: 0 });
  }
  if (pending.size === 0) return;

  const consumer = kafka.consumer({ groupId: `sluice-restore-${randomUUID()}`, readUncommitted: false, maxBytes: 32 * 1024 * 1024 });
  await consumer.connect();
  let finish: () => void = () => {};
  const finished = new Promise<void>((done) => {
    finish = done;
  });
  try {
    for (const topic of new Set(partitions.map((p) => p.topic))) await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false, // a throwaway group: its position means nothing
      eachBatch: async ({ batch }) => {
        const id = `${batch.topic}:${batch.partition}`;
        const state = pending.get(id);
        if (!state) return;
        const committed = committedRecordsOf(batch);
        for (const message of committed.records) {
          if (message.key === null) continue;
          apply({ topic: batch.topic, partition: batch.partition, key: message.key.toString(), value: message.value });
          state.restored++;
        }
        if (committed.resumeAt !== undefined) {
          consumer.seek({ topic: batch.topic, partition: batch.partition, offset: String(committed.resumeAt) });
          return;
        }
        // Transaction markers take offsets too, so "done" is the fetch position reaching the end, not a record count.
        state.next = Math.max(state.next, Number(batch.lastOffset()) + 1);
        onProgress({ topic: batch.topic, partition: batch.partition, restored: state.restored, total: state.high - state.low });
        if (state.next >= state.high || batch.offsetLag() === '0') pending.delete(id);
        if (pending.size === 0) finish();
      },
    });
    await finished;
  } finally {
    await consumer.disconnect();
  }
}
