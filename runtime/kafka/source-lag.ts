// A source's lag, read from the broker: per partition, the last stable offset (what a read_committed consumer can
// reach: kafkajs' admin lists offsets read_committed) minus the pipeline group's committed offset. It is right while
// the pipeline runs, and while it is stopped: then it is the backlog waiting for the next start.
import type { Admin } from 'kafkajs';
import type { PartitionLag, SourceLag } from '../../shared/api/pipeline-metrics.ts';
import type { SourceTopic } from '../control/cluster-reports.ts';
import { fetchTopicEnds } from './topic-offsets.ts';

/** A partition without a committed offset waits from its start (earliest) or from its end (latest: nothing waits). */
export function partitionLag(end: number, low: number, committed: number, startFrom: SourceTopic['startFrom']): number {
  if (committed >= 0) return Math.max(0, end - committed);
  return startFrom === 'earliest' ? Math.max(0, end - low) : 0;
}

export async function sourceLag(admin: Admin, groupId: string, sources: SourceTopic[]): Promise<Record<string, SourceLag>> {
  const topics = [...new Set(sources.map((source) => source.topic))];
  const existing = new Set(await admin.listTopics());
  const present = topics.filter((topic) => existing.has(topic));
  if (present.length === 0) return {};
  const committed = new Map<string, number>();
  for (const entry of await admin.fetchOffsets({ groupId, topics: present })) {
    for (const { partition, offset } of entry.partitions) committed.set(`${entry.topic}:${partition}`, Number(offset));
  }
  const at = new Date().toISOString();
  const result: Record<string, SourceLag> = {};
  const ends = new Map(await Promise.all(present.map(async (topic) => [topic, await fetchTopicEnds(admin, topic)] as const)));
  for (const source of sources) {
    const offsets = ends.get(source.topic);
    if (!offsets) continue;
    const partitions: PartitionLag[] = offsets
      .map(({ partition, high, low }) => {
        const mine = committed.get(`${source.topic}:${partition}`) ?? -1;
        return { partition, end: Number(high), committed: mine, lag: partitionLag(Number(high), Number(low), mine, source.startFrom) };
      })
      .sort((a, b) => a.partition - b.partition);
    result[source.node] = { topic: source.topic, total: partitions.reduce((sum, p) => sum + p.lag, 0), partitions, at };
  }
  return result;
}
