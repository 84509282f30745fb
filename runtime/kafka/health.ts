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

async function checkOnce(bootstrap: string[], deadline: number): Promise<ClusterHealth> {
  const timeoutMs = Math.max(100, deadline - Date.now());
  const kafka = createKafka(bootstrap, { connectionTimeout: Math.min(1000, timeoutMs), requestTimeout: timeoutMs, retry: { retries: 0 } });
  const admin = kafka.admin();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`no answer from ${bootstrap.join(',')} within the health check's time`)), timeoutMs);
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

/**
 * Asks the cluster for its brokers and the state of its partitions, failing fast (a health check must not hang).
 * kafkajs' describeCluster asks a broker picked at random from the metadata, and gives up when that one does not
 * answer: right after a broker died, before the cluster fenced it (3 s on the local cluster), one try in three
 * fails. So a failed check is tried again, from the next bootstrap address, while time is left: one broker of
 * three down leaves a cluster that answers.
 */
export async function checkKafka(bootstrap: string[], timeoutMs = 3000): Promise<ClusterHealth> {
  const deadline = Date.now() + timeoutMs;
  let health = await checkOnce(bootstrap, deadline);
  for (let attempt = 1; !health.connected && attempt < 3 * bootstrap.length && Date.now() < deadline; attempt++) {
    const first = attempt % bootstrap.length;
    health = await checkOnce([...bootstrap.slice(first), ...bootstrap.slice(0, first)], deadline);
  }
  return health.connected ? health : { ...health, brokers: bootstrap };
}
