// Whether the cluster can take the API's writes, from what the brokers that answered say (no coordination, no
// quorum of our own): some brokers down is `degraded` while every partition of the written topics has a leader
// and enough in-sync replicas for acks=all; it is unavailable only when writes would fail.
import type { ClusterHealth } from '../../shared/engine/cluster-health.ts';

export interface PartitionObservation {
  partition: number;
  /** The leader's node id, -1 for none. */
  leader: number;
  replicas: number[];
  isr: number[];
}

export interface ClusterObservation {
  /** The configured bootstrap addresses. */
  bootstrap: string[];
  /** Bootstrap addresses that did not answer, with why. */
  unreachable: { address: string; reason: string }[];
  /** The brokers the cluster lists as alive; undefined when no bootstrap address answered. */
  liveBrokers: { nodeId: number; address: string }[] | undefined;
  /** The topics the ingest endpoints write to, as the cluster describes them. */
  topics: { topic: string; minInsyncReplicas?: number; partitions: PartitionObservation[] }[];
}

const list = (numbers: number[]) => numbers.join(', ');
const partitions = (ids: number[]) => `${ids.length === 1 ? 'partition' : 'partitions'} ${list(ids)}`;
const brokersNamed = (ids: number[]) => `${ids.length === 1 ? 'broker' : 'brokers'} ${list(ids)}`;
const replicas = (count: number) => `${count} in-sync replica${count === 1 ? '' : 's'}`;

export function decideHealth(observation: ClusterObservation): ClusterHealth {
  const { bootstrap, unreachable, liveBrokers, topics } = observation;
  if (!liveBrokers) {
    return {
      connected: false,
      brokers: bootstrap,
      reason: unreachable.map((entry) => `${entry.address}: ${entry.reason}`).join('; ') || 'no broker answered',
    };
  }
  const live = new Set(liveBrokers.map((broker) => broker.nodeId));
  const addresses = liveBrokers.map((broker) => broker.address);
  const down = [...new Set(topics.flatMap((topic) => topic.partitions.flatMap((p) => p.replicas)))]
    .filter((id) => !live.has(id))
    .sort((a, b) => a - b);

  const failures: string[] = [];
  const underReplicated: string[] = [];
  for (const { topic, minInsyncReplicas = 1, partitions: observed } of topics) {
    const leaderless = observed.filter((p) => p.leader < 0 || !live.has(p.leader)).map((p) => p.partition);
    if (leaderless.length > 0) {
      const why = down.length > 0 ? ` (${brokersNamed(down)} ${down.length === 1 ? 'is' : 'are'} down)` : '';
      failures.push(
        `${partitions(leaderless)} of ${topic} ${leaderless.length === 1 ? 'has' : 'have'} no leader${why}: writes to ${leaderless.length === 1 ? 'it' : 'them'} fail`,
      );
    }
    const led = observed.filter((p) => !leaderless.includes(p.partition));
    const inSync = (p: PartitionObservation) => p.isr.filter((id) => live.has(id)).length;
    const short = led.filter((p) => inSync(p) < minInsyncReplicas);
    const [only] = short;
    if (only && short.length === 1) {
      failures.push(
        `partition ${only.partition} of ${topic} has ${replicas(inSync(only))}, fewer than min.insync.replicas ${minInsyncReplicas}: writes to it fail`,
      );
    } else if (short.length > 1) {
      failures.push(
        `${partitions(short.map((p) => p.partition))} of ${topic} have fewer in-sync replicas than min.insync.replicas ${minInsyncReplicas}: writes to them fail`,
      );
    }
    const lagging = led.filter((p) => inSync(p) >= minInsyncReplicas && p.isr.length < p.replicas.length);
    const [one] = lagging;
    if (one && lagging.length === 1)
      underReplicated.push(
        `partition ${one.partition} of ${topic} is under-replicated (${one.isr.length} of ${one.replicas.length} replicas in sync)`,
      );
    else if (lagging.length > 1) underReplicated.push(`${partitions(lagging.map((p) => p.partition))} of ${topic} are under-replicated`);
  }
  if (failures.length > 0) return { connected: false, brokers: addresses, reason: failures.join('; ') };

  const silent = unreachable.map((entry) => `${entry.address} does not answer: ${entry.reason}`).join(', ');
  let degraded: string | undefined;
  if (down.length > 0) {
    const minimum = Math.min(...topics.map((topic) => topic.minInsyncReplicas ?? 1));
    const still =
      topics.length > 0
        ? `; writes still succeed: every partition of ${topics.map((topic) => topic.topic).join(', ')} has a leader and at least ${replicas(minimum)}`
        : '';
    degraded = `${brokersNamed(down)} ${down.length === 1 ? 'is' : 'are'} down${silent ? ` (${silent})` : ''}${still}`;
  } else if (silent) degraded = silent;
  else if (underReplicated.length > 0) degraded = underReplicated.join('; ');
  return degraded ? { connected: true, brokers: addresses, degraded } : { connected: true, brokers: addresses };
}
