// How the topics Sluice creates are replicated: by default as many replicas as the cluster has
// brokers up (at most 3) and one fewer in sync, so with 3 brokers a write acknowledged with acks=all
// is on 2 of them and any one broker may die; a pipeline's `topics` section may ask for other figures.
import type { Admin } from 'kafkajs';
import { type Replication, replicationFor, type TopicSettings } from '../../shared/index.ts';

/** The cluster cannot give the replication asked for: the deploy fails with this message. */
export class ReplicationError extends Error {}

/** The replication for topics created now on this cluster, checked against the brokers that are up. */
export async function clusterReplication(admin: Admin, settings?: TopicSettings): Promise<Replication> {
  const { brokers } = await admin.describeCluster();
  const result = replicationFor(brokers.length, settings);
  if (!result.ok) throw new ReplicationError(result.reason);
  return result.replication;
}

/** The topic settings kafkajs' createTopics takes for this replication. */
export function replicationSettings(replication: Replication): {
  replicationFactor: number;
  configEntries: { name: string; value: string }[];
} {
  return {
    replicationFactor: replication.replicationFactor,
    configEntries: [{ name: 'min.insync.replicas', value: String(replication.minInsyncReplicas) }],
  };
}
