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

/** Each partition's first offset and the offset up to which it must be read: its high watermark when the restore began. */
export async function changelogEnds(admin: Admin, partitions: ChangelogPartition[]): Promise<Map<string, { low: number; high: number }>> {
  const ends = new Map<string, { low: number; high: number }>();
  // The topics at once: each is a few round trips (metadata, the first and the last offsets), on a task's way to running.
  const topics = [...new Set(partitions.map((p) => p.topic))];
  const answers = await Promise.all(topics.map(async (topic) => ({ topic, offsets: await fetchTopicEnds(admin, topic) })));
  for (const { topic, offsets } of answers) {
    for (const { partition, low, high } of offsets) ends.set(`${topic}:${partition}`, { low: Number(low), high: Number(high) });
  }
  return ends;
}

export interface RestoreRange {
  /** The partitions' ends as changelogEnds() read them before the restore (read here when absent). */
  ends?: Map<string, { low: number; high: number }>;
  /** Where to start per partition (`topic:partition`): the checkpoint of local state; the partition's start otherwise. */
  from?: Map<string, number>;
}

/**
 * Calls `apply` for every record of the given changelog partitions, in offset
 * order per partition, and resolves when each partition was read to the end it
 * had when the restore began (its owner is this worker, so nothing newer can
 * be committed meanwhile: a zombie writer was fenced before the restore).
 * Nothing to read (local state up to date) costs no consumer at all.
 */
export async function readChangelogs(
  kafka: Kafka,
  admin: Admin,
  partitions: ChangelogPartition[],
  apply: (record: ChangelogRecord) => void,
  onProgress: (progress: RestoreProgress) => void = () => {},
  range: RestoreRange = {},
): Promise<void> {
  if (partitions.length === 0) return;
  const ends = range.ends ?? (await changelogEnds(admin, partitions));
  const pending = new Map<string, { next: number; high: number; low: number; restored: number }>();
  for (const { topic, partition } of partitions) {
    const id = `${topic}:${partition}`;
    const end = ends.get(id) ?? { low: 0, high: 0 };
    const next = Math.max(end.low, range.from?.get(id) ?? end.low);
    if (end.high > next) pending.set(id, { next, high: end.high, low: next, restored: 0 });
  }
  if (pending.size === 0) return;

  const consumer = kafka.consumer({ groupId: `sluice-restore-${randomUUID()}`, readUncommitted: false, maxBytes: 32 * 1024 * 1024 });
  await consumer.connect();
  let finish: () => void = () => {};
  const finished = new Promise<void>((done) => {
    finish = done;
  });
  // A fetch holding nothing but transaction markers (the tail after a checkpoint is often just the last
  // commit's marker) never reaches eachBatch; kafkajs still reports the batch, with its position.
  consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
    if (payload.batchSize > 0) return;
    const id = `${payload.topic}:${payload.partition}`;
    const state = pending.get(id);
    if (!state) return;
    state.next = Math.max(state.next, Number(payload.lastOffset) + 1);
    if (state.next >= state.high || payload.offsetLag === '0') pending.delete(id);
    if (pending.size === 0) finish();
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
          // Before the seek takes hold a fetch may start at the beginning: what the local state holds is skipped.
          if (message.key === null || Number(message.offset) < state.low) continue;
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
    // Local state holds the rest: start at its checkpoint (a throwaway group has no positions of its own).
    for (const [id, state] of pending) {
      if (state.low === (ends.get(id)?.low ?? 0)) continue;
      const split = id.lastIndexOf(':');
      consumer.seek({ topic: id.slice(0, split), partition: Number(id.slice(split + 1)), offset: String(state.low) });
    }
    await finished;
  } finally {
    await consumer.disconnect();
  }
}
