import type { ClusterHealth } from '../engine/cluster-health.ts';
import { createKafka } from './client.ts';

/** Asks the cluster for its brokers, failing fast (a health check must not hang). */
export async function checkKafka(bootstrap: string[], timeoutMs = 3000): Promise<ClusterHealth> {
  const kafka = createKafka(bootstrap, { connectionTimeout: 1000, requestTimeout: timeoutMs, retry: { retries: 0 } });
  const admin = kafka.admin();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`no answer from ${bootstrap.join(',')} within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const cluster = await Promise.race([admin.connect().then(() => admin.describeCluster()), timeout]);
    return { connected: true, brokers: cluster.brokers.map((broker) => `${broker.host}:${broker.port}`) };
  } catch (error) {
    return { connected: false, brokers: bootstrap, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
    await admin.disconnect().catch(() => {});
  }
}
