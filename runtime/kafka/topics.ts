import type { Admin } from 'kafkajs';

/** A topic the plan needs; `config` holds broker topic configs such as cleanup.policy. */
export interface TopicRequirement {
  name: string;
  partitions: number;
  config: Record<string, string>;
}

export interface ProvisionReport {
  created: string[];
  existing: string[];
  /** Existing topics with fewer partitions than the plan asked for (never shrunk, grown only on request). */
  mismatched: { name: string; partitions: number; wanted: number }[];
}

/** Creates the topics that are missing; reports those that exist with another partition count. */
export async function provisionTopics(admin: Admin, topics: TopicRequirement[]): Promise<ProvisionReport> {
  const existingNames = new Set(await admin.listTopics());
  const missing = topics.filter((topic) => !existingNames.has(topic.name));
  if (missing.length > 0) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic: topic.name,
        numPartitions: topic.partitions,
        configEntries: Object.entries(topic.config).map(([name, value]) => ({ name, value })),
      })),
    });
  }
  const present = topics.filter((topic) => existingNames.has(topic.name));
  const mismatched: ProvisionReport['mismatched'] = [];
  if (present.length > 0) {
    const metadata = await admin.fetchTopicMetadata({ topics: present.map((topic) => topic.name) });
    for (const topic of present) {
      const partitions = metadata.topics.find((entry) => entry.name === topic.name)?.partitions.length ?? 0;
      if (partitions !== topic.partitions) mismatched.push({ name: topic.name, partitions, wanted: topic.partitions });
    }
  }
  return { created: missing.map((topic) => topic.name), existing: present.map((topic) => topic.name), mismatched };
}

/** The partition count of each topic, as the cluster has it now. */
export async function partitionCounts(admin: Admin, names: string[]): Promise<Map<string, number>> {
  const metadata = await admin.fetchTopicMetadata({ topics: names });
  return new Map(metadata.topics.map((topic) => [topic.name, topic.partitions.length]));
}
