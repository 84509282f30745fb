// Asks each bootstrap broker on its own, in parallel and failing fast (a health check must not hang, and one
// broker down must not look like the whole cluster down), then decides from what the ones that answered say.
import type { Admin } from 'kafkajs';
import type { ClusterHealth } from '../../shared/engine/cluster-health.ts';
import { createKafka } from './client.ts';
import { type ClusterObservation, decideHealth } from './health-decision.ts';

// kafkajs's ConfigResourceTypes.TOPIC (not a named export Node's ESM loader sees).
const TOPIC_RESOURCE = 2;

type Probe =
  | { ok: true; brokers: NonNullable<ClusterObservation['liveBrokers']>; topics: ClusterObservation['topics'] }
  | { ok: false; address: string; reason: string };

async function minInsyncReplicas(admin: Admin, topics: string[]): Promise<Map<string, number>> {
  const described = await admin.describeConfigs({
    includeSynonyms: false,
    resources: topics.map((name) => ({ type: TOPIC_RESOURCE, name, configNames: ['min.insync.replicas'] })),
  });
  const values = new Map<string, number>();
  for (const resource of described.resources) {
    const value = Number(resource.configEntries.find((entry) => entry.configName === 'min.insync.replicas')?.configValue);
    if (Number.isInteger(value)) values.set(resource.resourceName, value);
  }
  return values;
}

async function describe(admin: Admin, topics: string[]): Promise<Probe> {
  await admin.connect();
  const cluster = await admin.describeCluster();
  const existing = topics.length > 0 ? new Set(await admin.listTopics()) : new Set<string>();
  const wanted = topics.filter((topic) => existing.has(topic));
  const metadata = wanted.length > 0 ? await admin.fetchTopicMetadata({ topics: wanted }) : { topics: [] };
  const minimums = wanted.length > 0 ? await minInsyncReplicas(admin, wanted).catch(() => new Map<string, number>()) : new Map();
  return {
    ok: true,
    brokers: cluster.brokers.map((broker) => ({ nodeId: broker.nodeId, address: `${broker.host}:${broker.port}` })),
    topics: metadata.topics.map((topic) => ({
      topic: topic.name,
      minInsyncReplicas: minimums.get(topic.name),
      partitions: topic.partitions.map((p) => ({ partition: p.partitionId, leader: p.leader, replicas: p.replicas, isr: p.isr })),
    })),
  };
}

async function probe(address: string, timeoutMs: number, topics: string[]): Promise<Probe> {
  const admin = createKafka([address], { connectionTimeout: 1000, requestTimeout: timeoutMs, retry: { retries: 0 } }).admin();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    // kafkajs' describeCluster asks a broker picked at random from the metadata and gives up when that one does not
    // answer: in the seconds before the cluster fences a broker that died, one try in three fails although `address`
    // answers (kafkajs' withBroker connects outside its try, so it never moves on to the next broker). Each of the
    // three metadata requests below rolls that dice, and refused connections fail at once: such a failure (naming
    // another address) is tried again for as long as time is left, not a fixed number of times.
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await Promise.race([describe(admin, topics), timeout]);
      } catch (error) {
        const elsewhere = error instanceof Error && /ECONNREFUSED|ECONNRESET/.test(error.message) && !error.message.includes(address);
        if (!elsewhere || Date.now() > deadline - 100) throw error;
        await new Promise((done) => setTimeout(done, 25));
      }
    }
  } catch (error) {
    return { ok: false, address, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
    await admin.disconnect().catch(() => {});
  }
}

/** Whether the cluster can take writes to `topics` (the ones the API writes to); see decideHealth. */
export async function checkKafka(bootstrap: string[], timeoutMs = 3000, topics: string[] = []): Promise<ClusterHealth> {
  const probes = await Promise.all(bootstrap.map((address) => probe(address, timeoutMs, topics)));
  const answered = probes.find((result) => result.ok);
  return decideHealth({
    bootstrap,
    unreachable: probes.flatMap((result) => (result.ok ? [] : [{ address: result.address, reason: result.reason }])),
    liveBrokers: answered?.brokers,
    topics: answered?.topics ?? [],
  });
}
