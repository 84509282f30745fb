// A topic's low and high offsets per partition, asked of the broker. Right after a topic was
// created (or while a broker of a cluster is down) kafkajs may know the topic but none of its
// partitions yet; its fetchTopicOffsets then throws a TypeError instead of a retriable error
// (`high.pop()` of an empty answer). Here that case is retried like any leader election.
import type { Admin } from 'kafkajs';
import { retryWhileRetriable } from './retry.ts';

export interface PartitionOffsets {
  partition: number;
  low: number;
  high: number;
}

class NoPartitionsYet extends Error {
  readonly retriable = true;
  constructor(topic: string) {
    super(`topic ${topic} has no partitions with a leader yet`);
  }
}

/** The offsets of every partition of `topic`, waiting (a few seconds at most) while its partitions have no leader. */
export async function fetchTopicEnds(admin: Admin, topic: string): Promise<PartitionOffsets[]> {
  return retryWhileRetriable(async () => {
    const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
    if (!metadata || metadata.partitions.length === 0 || metadata.partitions.some((p) => p.leader < 0)) throw new NoPartitionsYet(topic);
    try {
      const offsets = await admin.fetchTopicOffsets(topic);
      return offsets.map(({ partition, low, high }) => ({ partition, low: Number(low), high: Number(high) }));
    } catch (error) {
      // kafkajs' own answer to "no partition known": see the header.
      if (error instanceof TypeError) throw new NoPartitionsYet(topic);
      throw error;
    }
  });
}
