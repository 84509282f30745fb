// A local KRaft cluster of 1 to N nodes, each a broker and a controller in one JVM. Three nodes are
// three voters: one may die (its partitions get new leaders, the quorum keeps its majority) and the
// cluster keeps taking writes with 3 replicas and 2 in sync. (One controller and three brokers would be
// four JVMs on the same small machine, and the lone controller could not be killed.)
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort, isPortFree } from '../ports.ts';
import { formatStorage, KafkaNode, type NodeFiles } from './kafka-node.ts';
import { log4jConfig, type NodeAddress, serverProperties } from './node-config.ts';
import { checkJava, ensureKafkaJars, kafkaVersion } from './prerequisites.ts';

export interface ClusterOptions {
  /** Where the nodes keep their data; reused across runs when it exists. */
  dataDir: string;
  /** How many nodes; 1 keeps the layout of the single local broker (everything directly in dataDir). */
  brokers?: number;
  /** Preferred client port of the first node (the next ones prefer the ports after it); free ports when taken. */
  port?: number;
  /** Maximum heap of each JVM. */
  heap?: string;
  /** Broker properties that replace or add to the defaults (tests make the retention check frequent). */
  overrides?: Record<string, string>;
  log?: (line: string) => void;
}

export interface LocalCluster {
  /** Bootstrap servers: every node's address. */
  brokers: string[];
  nodes: KafkaNode[];
  version: string;
  startupMs: number;
  stop(): Promise<void>;
}

interface SavedLayout {
  clusterId: string;
  nodes: NodeAddress[];
}

/** Where node `nodeId` of an n-node cluster keeps its files. */
export function nodeDir(dataDir: string, brokers: number, nodeId: number): string {
  return brokers === 1 ? dataDir : join(dataDir, `node-${nodeId}`);
}

function layoutFile(dataDir: string, brokers: number): string {
  return join(dataDir, brokers === 1 ? 'ports.json' : 'cluster.json');
}

function readLayout(dataDir: string, brokers: number): Partial<SavedLayout> {
  const file = layoutFile(dataDir, brokers);
  if (!existsSync(file)) return {};
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<SavedLayout> & { port?: number; controllerPort?: number };
    // The single broker's file predates clusters: { port, controllerPort }.
    if (brokers === 1 && saved.port !== undefined && saved.controllerPort !== undefined) {
      return { nodes: [{ nodeId: 1, port: saved.port, controllerPort: saved.controllerPort }] };
    }
    return saved;
  } catch {
    return {};
  }
}

function writeLayout(dataDir: string, brokers: number, layout: SavedLayout): void {
  const [only] = layout.nodes;
  const content = brokers === 1 && only ? { port: only.port, controllerPort: only.controllerPort } : layout;
  writeFileSync(layoutFile(dataDir, brokers), JSON.stringify(content, null, 2));
}

async function choosePort(preferred: number | undefined, taken: Set<number>, what: string, log: (line: string) => void): Promise<number> {
  if (preferred !== undefined && !taken.has(preferred) && (await isPortFree(preferred))) return preferred;
  let port = await freePort();
  while (taken.has(port)) port = await freePort();
  if (preferred !== undefined) log(`${what} port ${preferred} is taken; using ${port} instead`);
  return port;
}

async function chooseAddresses(options: ClusterOptions, brokers: number, saved: Partial<SavedLayout>, log: (line: string) => void) {
  const taken = new Set<number>();
  const nodes: NodeAddress[] = [];
  for (let nodeId = 1; nodeId <= brokers; nodeId++) {
    const before = saved.nodes?.find((node) => node.nodeId === nodeId);
    const preferred = options.port !== undefined ? options.port + nodeId - 1 : before?.port;
    const port = await choosePort(preferred, taken, brokers === 1 ? 'Kafka' : `Kafka broker ${nodeId}`, log);
    taken.add(port);
    // The controller port is part of the KRaft quorum's identity: keep it stable.
    const controllerPort = await choosePort(before?.controllerPort, taken, 'Kafka controller', () => {});
    taken.add(controllerPort);
    nodes.push({ nodeId, port, controllerPort });
  }
  return nodes;
}

/** Starts the nodes (formatting new ones) and resolves once every one accepts clients. */
export async function startLocalCluster(options: ClusterOptions): Promise<LocalCluster> {
  const log = options.log ?? (() => {});
  const brokers = options.brokers ?? 1;
  const heap = options.heap ?? (brokers === 1 ? '1g' : '512m');
  const began = Date.now();
  checkJava();
  const libs = ensureKafkaJars(log);
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const saved = readLayout(dataDir, brokers);
  const addresses = await chooseAddresses(options, brokers, saved, log);
  const clusterId = saved.clusterId ?? randomBytes(16).toString('base64url');
  writeLayout(dataDir, brokers, { clusterId, nodes: addresses });

  const nodes = addresses.map((address) => {
    const files: NodeFiles = { nodeId: address.nodeId, port: address.port, dir: nodeDir(dataDir, brokers, address.nodeId), libs, heap };
    mkdirSync(files.dir, { recursive: true });
    writeFileSync(join(files.dir, 'server.properties'), serverProperties(address, addresses, files.dir, options.overrides));
    writeFileSync(join(files.dir, 'log4j2.properties'), log4jConfig(join(files.dir, 'broker.log')));
    const logs = join(files.dir, 'logs');
    if (!existsSync(logs) || readdirSync(logs).length === 0) formatStorage(files, clusterId);
    return new KafkaNode(files);
  });
  const stop = async () => {
    await Promise.all(nodes.map((node) => node.stop()));
  };
  try {
    // Together: a node of a larger cluster only finishes starting once a majority of controllers runs.
    await Promise.all(nodes.map((node) => node.start()));
  } catch (error) {
    await stop();
    throw error;
  }
  const startupMs = Date.now() - began;
  const list = addresses.map((address) => `127.0.0.1:${address.port}`);
  const what = brokers === 1 ? 'broker' : `cluster of ${brokers} brokers`;
  log(`Kafka ${kafkaVersion()} ${what} ready on ${list.join(',')} in ${(startupMs / 1000).toFixed(1)}s (data: ${dataDir})`);
  return { brokers: list, nodes, version: kafkaVersion(), startupMs, stop };
}
