import type { Admin } from 'kafkajs';
import { fetchTopicEnds } from '../../runtime/kafka/topic-offsets.ts';

/** Whether the group's committed offsets reached the end of every partition of the topic (nothing left to read). */
export async function groupReachedEnd(admin: Admin, groupId: string, topic: string): Promise<boolean> {
  return (await topicPosition(admin, groupId, topic, 0)) !== undefined;
}

/**
 * Each partition's committed offset and end, as text, when the group is within `slack` of the
 * end of every partition; undefined when it is further behind.
 */
async function topicPosition(admin: Admin, groupId: string, topic: string, slack: number): Promise<string | undefined> {
  const ends = new Map((await fetchTopicEnds(admin, topic)).map((p) => [p.partition, Number(p.high)]));
  const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
  const positions = new Map((committed?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
  if (ends.size === 0) return undefined;
  for (const [partition, high] of ends) if (high > 0 && (positions.get(partition) ?? -1) < high - slack) return undefined;
  return [...ends].map(([partition, high]) => `${partition}:${positions.get(partition)}/${high}`).join(',');
}

export interface PipelineInput {
  topic: string;
  /**
   * How many transactional writers the topic has (the tasks of the sub-topology before it), 0 for
   * the source. Each writer's last transaction leaves a commit marker after its records: it takes
   * an offset but is never consumed, so a drained partition can be up to that many short of its end.
   */
  writers: number;
}

/**
 * Where a pipeline's group stands on its source topic and on each internal topic between its
 * sub-topologies, when it has read everything but commit markers; undefined while it has not.
 * Two equal answers a second apart mean it is done (nothing moved while it had nothing to do);
 * quiet output alone is not: a sub-topology may still be working through its input.
 */
export async function pipelinePosition(admin: Admin, groupId: string, inputs: PipelineInput[]): Promise<string | undefined> {
  const parts: string[] = [];
  for (const input of inputs) {
    const position = await topicPosition(admin, groupId, input.topic, input.writers);
    if (position === undefined) return undefined;
    parts.push(`${input.topic}=${position}`);
  }
  return parts.join(' ');
}
