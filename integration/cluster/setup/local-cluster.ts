// A local 3-broker KRaft cluster (and a PostgreSQL) for one test file, in a folder of its own; the
// test kills and restarts brokers through `cluster.nodes`. Everything it started is stopped by stop(),
// and the watchdogs stop it even if the test process dies.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Admin } from 'kafkajs';
import { type LocalCluster, startLocalCluster } from '../../../runtime/local/kafka/cluster.ts';
import type { KafkaNode } from '../../../runtime/local/kafka/kafka-node.ts';
import { type LocalPostgres, startLocalPostgres } from '../../../runtime/local/postgres/embedded.ts';

export interface TestCluster {
  dataDir: string;
  cluster: LocalCluster;
  postgres: LocalPostgres | undefined;
  node(nodeId: number): KafkaNode;
  stop(): Promise<void>;
}

export async function startTestCluster(label: string, options: { postgres?: boolean } = {}): Promise<TestCluster> {
  const dataDir = mkdtempSync(join(tmpdir(), `sluice-${label}-`));
  chmodSync(dataDir, 0o755); // PostgreSQL, run as root, switches to a user of its own that must reach it
  const log = (line: string) => console.log(`[${label}] ${line}`);
  const [cluster, postgres] = await Promise.all([
    startLocalCluster({ dataDir: join(dataDir, 'kafka'), brokers: 3, heap: '512m', log }),
    options.postgres ? startLocalPostgres({ dataDir: join(dataDir, 'postgres'), log }) : Promise.resolve(undefined),
  ]);
  return {
    dataDir,
    cluster,
    postgres,
    node: (nodeId) => {
      const node = cluster.nodes.find((candidate) => candidate.nodeId === nodeId);
      if (!node) throw new Error(`no broker ${nodeId}`);
      return node;
    },
    stop: async () => {
      await cluster.stop();
      await postgres?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Waits until every partition of the topics has all its replicas in sync (a restarted broker caught up). */
export async function untilFullyReplicated(admin: Admin, topics: string[], timeoutMs = 120_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const metadata = await admin.fetchTopicMetadata({ topics }).catch(() => undefined);
    const partitions = metadata?.topics.flatMap((topic) => topic.partitions) ?? [];
    if (partitions.length > 0 && partitions.every((partition) => partition.isr.length === partition.replicas.length)) return true;
    await sleep(500);
  }
  return false;
}

/** Waits until no partition of the topic is led by `nodeId` (the controller fenced it and moved its leaders). */
export async function untilNotLeading(admin: Admin, topic: string, nodeId: number, timeoutMs = 120_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] }).catch((error: unknown) => String(error));
    if (typeof metadata !== 'string') {
      const partitions = metadata.topics[0]?.partitions ?? [];
      if (partitions.length > 0 && partitions.every((partition) => partition.leader !== nodeId && partition.leader >= 0)) return true;
      last = partitions
        .map((partition) => `${partition.partitionId}: leader ${partition.leader}, isr ${partition.isr.join(' ')}`)
        .join('; ');
    } else last = metadata;
    await sleep(200);
  }
  console.log(`[cluster] broker ${nodeId} still leads part of ${topic} after ${timeoutMs / 1000}s: ${last}`);
  return false;
}
