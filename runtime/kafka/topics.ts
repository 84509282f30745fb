import kafkajs, { type Admin } from 'kafkajs';
import type { Replication } from '../../shared/index.ts';
import { createTopicsWithLeaders } from './create-topics.ts';

// kafkajs is CommonJS; Node's loader finds this enum only on the default export.
const { ConfigResourceTypes } = kafkajs;

/** A topic the plan needs; `config` holds broker topic configs such as cleanup.policy. */
export interface TopicRequirement {
  name: string;
  partitions: number;
  config: Record<string, string>;
  /**
   * The pipeline owns this topic (repartition, changelog, dead letters): when it exists with other
   * configs (made by an older version, say with a 7-day retention), they are set to these.
   */
  owned?: boolean;
}

export interface ProvisionReport {
  created: string[];
  existing: string[];
  /** Existing topics with fewer partitions than the plan asked for (never shrunk, grown only on request). */
  mismatched: { name: string; partitions: number; wanted: number }[];
  /** Existing topics with fewer replicas than new ones get (they keep theirs: Sluice never reassigns partitions). */
  underReplicated: { name: string; replicas: number; wanted: number }[];
}

/**
 * Creates the topics that are missing, with `replication` (replicas, and min.insync.replicas unless the topic's
 * own config names it); reports those that exist with another partition count or fewer replicas.
 */
export async function provisionTopics(admin: Admin, topics: TopicRequirement[], replication?: Replication): Promise<ProvisionReport> {
  const existingNames = new Set(await admin.listTopics());
  const missing = topics.filter((topic) => !existingNames.has(topic.name));
  if (missing.length > 0) {
    await createTopicsWithLeaders(
      admin,
      missing.map((topic) => {
        const config = { ...(replication ? { 'min.insync.replicas': String(replication.minInsyncReplicas) } : {}), ...topic.config };
        return {
          topic: topic.name,
          numPartitions: topic.partitions,
          ...(replication ? { replicationFactor: replication.replicationFactor } : {}),
          configEntries: Object.entries(config).map(([name, value]) => ({ name, value })),
        };
      }),
    );
  }
  const present = topics.filter((topic) => existingNames.has(topic.name));
  const mismatched: ProvisionReport['mismatched'] = [];
  const underReplicated: ProvisionReport['underReplicated'] = [];
  if (present.length > 0) {
    const metadata = await admin.fetchTopicMetadata({ topics: present.map((topic) => topic.name) });
    for (const topic of present) {
      const found = metadata.topics.find((entry) => entry.name === topic.name)?.partitions ?? [];
      if (found.length !== topic.partitions) mismatched.push({ name: topic.name, partitions: found.length, wanted: topic.partitions });
      const replicas = Math.min(...found.map((partition) => partition.replicas.length));
      if (replication && found.length > 0 && replicas < replication.replicationFactor)
        underReplicated.push({ name: topic.name, replicas, wanted: replication.replicationFactor });
    }
  }
  await alignOwnedTopicConfigs(
    admin,
    present.filter((topic) => topic.owned),
  );
  return { created: missing.map((topic) => topic.name), existing: present.map((topic) => topic.name), mismatched, underReplicated };
}

/** Sets the configs of existing owned topics to what the plan asks, where they differ. */
async function alignOwnedTopicConfigs(admin: Admin, topics: TopicRequirement[]): Promise<void> {
  if (topics.length === 0) return;
  const described = await admin.describeConfigs({
    includeSynonyms: false,
    resources: topics.map((topic) => ({ type: ConfigResourceTypes.TOPIC, name: topic.name })),
  });
  const differing = topics.filter((topic) => {
    const entries = described.resources.find((resource) => resource.resourceName === topic.name)?.configEntries ?? [];
    return Object.entries(topic.config).some(([name, value]) => entries.find((entry) => entry.configName === name)?.configValue !== value);
  });
  if (differing.length === 0) return;
  await admin.alterConfigs({
    validateOnly: false,
    resources: differing.map((topic) => ({
      type: ConfigResourceTypes.TOPIC,
      name: topic.name,
      configEntries: Object.entries(topic.config).map(([name, value]) => ({ name, value })),
    })),
  });
}

/** A topic the API or a source writes acknowledged records to: nothing may fall to time- or size-based retention. */
export const KEEP_FOREVER = { 'retention.ms': '-1', 'retention.bytes': '-1' };

/** The partition count of each topic, as the cluster has it now. */
export async function partitionCounts(admin: Admin, names: string[]): Promise<Map<string, number>> {
  const metadata = await admin.fetchTopicMetadata({ topics: names });
  return new Map(metadata.topics.map((topic) => [topic.name, topic.partitions.length]));
}

/** Adds partitions to a topic that has fewer than `wanted` (Kafka never removes any). */
export async function growPartitions(admin: Admin, topic: string, wanted: number): Promise<void> {
  const have = (await partitionCounts(admin, [topic])).get(topic) ?? 0;
  if (have > 0 && have < wanted) await admin.createPartitions({ topicPartitions: [{ topic, count: wanted }] });
}
