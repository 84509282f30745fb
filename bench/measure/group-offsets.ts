import type { Admin } from 'kafkajs';

/** Whether the group's committed offsets reached the end of every partition of the topic (nothing left to read). */
export async function groupReachedEnd(admin: Admin, groupId: string, topic: string): Promise<boolean> {
  const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]));
  const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return (committed?.partitions ?? []).every((p) => Number(p.offset) >= (ends.get(p.partition) ?? 0)) && ends.size > 0;
}
