// The local Apache Kafka broker: official jars from Maven Central (resolved by runtime/local/kafka/pom.xml),
// one KRaft node acting as broker and controller (cluster.ts starts more). Used by the service
// supervisor behind `npm start` and `sluice run`, by the test suites' global setups and by the benchmarks.
import { startLocalCluster } from './cluster.ts';

export { freePort, isPortFree } from '../ports.ts';
export { BrokerStartError, PrerequisiteError } from './errors.ts';
export { checkJava, ensureKafkaJars, kafkaLibDir, kafkaVersion } from './prerequisites.ts';

export interface LocalBroker {
  brokers: string[];
  version: string;
  logFile: string;
  startupMs: number;
  stop(): Promise<void>;
}

export interface BrokerOptions {
  /** Where the broker keeps its log segments; reused across runs when it exists. */
  dataDir: string;
  /** Preferred client port; a free one is picked (and reported) when it is taken. */
  port?: number;
  /** Called with one line for each lifecycle step. */
  log?: (line: string) => void;
  /** Maximum heap for the JVM. */
  heap?: string;
  /** Broker properties that replace or add to the defaults (tests make the retention check frequent). */
  overrides?: Record<string, string>;
}

/** Starts a single-node KRaft broker and resolves once it accepts clients. */
export async function startLocalBroker(options: BrokerOptions): Promise<LocalBroker> {
  const cluster = await startLocalCluster({ ...options, brokers: 1 });
  const [node] = cluster.nodes;
  if (!node) throw new Error('a cluster of one broker started without its broker');
  return { brokers: cluster.brokers, version: cluster.version, logFile: node.logFile, startupMs: cluster.startupMs, stop: cluster.stop };
}
