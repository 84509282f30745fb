import type { Admin } from 'kafkajs';
import type { ClusterHealth } from '../engine/cluster-health.ts';
import { createKafka } from './client.ts';

/** Partitions with a replica out of sync (its broker down or behind), and partitions with no leader at all. */
async function replicaProblems(admin: Admin): Promise<string | undefined> {
  const { topics } = await admin.fetchTopicMetadata();
  const partitions = topics.flatMap((topic) => topic.partitions);
  const leaderless = partitions.filter((partition) => partition.leader < 0).length;
  const behind = partitions.filter((partition) => partition.isr.length < partition.replicas.length).length;
  const problems = [
    ...(leaderless > 0 ? [`${leaderless} partitions have no leader`] : []),
    ...(behind > 0 ? [`${behind} of ${partitions.length} partitions have fewer in-sync replicas than replicas`] : []),
  ];
  return problems.length > 0 ? problems.join('; ') : undefined;
}

/**
 * Asks the cluster for its brokers and the state of its partitions, failing fast (a health check must not hang).
 * Each bootstrap address is tried in turn: one broker of three down leaves a cluster that answers.
 */
export async function checkKafka(bootstrap: string[], timeoutMs = 3000): Promise<ClusterHealth> {
  const retry = { retries: Math.max(0, bootstrap.length - 1), initialRetryTime: 50, maxRetryTime: 200 };
  const kafka = createKafka(bootstrap, { connectionTimeout: 1000, requestTimeout: timeoutMs, retry });
  const admin = kafka.admin();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`no answer from ${bootstrap.join(',')} within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const cluster = await Promise.race([admin.connect().then(() => admin.describeCluster()), timeout]);
    const brokers = cluster.brokers.map((broker) => `${broker.host}:${broker.port}`);
    const degraded = await Promise.race([replicaProblems(admin), timeout]).catch(() => undefined);
    return { connected: true, brokers, ...(degraded ? { degraded } : {}) };
  } catch (error) {
    return { connected: false, brokers: bootstrap, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
    await admin.disconnect().catch(() => {});
  }
}
