// Where an installation's local services live, and which of them run: the Kafka cluster of
// N brokers keeps its data in <data>/kafka (1 broker) or <data>/kafka-<N>, PostgreSQL in <data>/postgres.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type AttachedService, attachService } from './attach.ts';
import { ServiceFolder } from './service-folder.ts';

export function kafkaDataDir(dataDir: string, brokers: number): string {
  return join(dataDir, brokers === 1 ? 'kafka' : `kafka-${brokers}`);
}

export function postgresDataDir(dataDir: string): string {
  return join(dataDir, 'postgres');
}

/** The local Kafka clusters that run now (ready), the single broker first, then by size. */
export function runningKafka(dataDir: string): { brokers: string[]; brokerCount: number; dir: string }[] {
  let names: string[];
  try {
    names = readdirSync(dataDir);
  } catch {
    return [];
  }
  const running: { brokers: string[]; brokerCount: number; dir: string }[] = [];
  for (const name of names) {
    if (!/^kafka(-\d+)?$/.test(name)) continue;
    const dir = join(dataDir, name);
    const endpoint = new ServiceFolder('kafka', dir).liveState()?.endpoint;
    if (endpoint?.kind === 'kafka') running.push({ brokers: endpoint.brokers, brokerCount: endpoint.brokerCount, dir });
  }
  return running.sort((a, b) => a.brokerCount - b.brokerCount);
}

/** The URL of the local PostgreSQL when it runs. */
export function runningPostgres(dataDir: string): string | undefined {
  const endpoint = new ServiceFolder('postgres', postgresDataDir(dataDir)).liveState()?.endpoint;
  return endpoint?.kind === 'postgres' ? endpoint.url : undefined;
}

export interface LocalKafkaOptions {
  dataDir: string;
  /** Asked for (--brokers, SLUICE_LOCAL_BROKERS); unset: a cluster that runs already, else one broker. */
  brokers?: number;
  port?: number;
  lingerMs: number;
  say: (line: string) => void;
}

export function attachKafka(options: LocalKafkaOptions): Promise<AttachedService> {
  const brokers = options.brokers ?? runningKafka(options.dataDir)[0]?.brokerCount ?? 1;
  return attachService({
    kind: 'kafka',
    dataDir: kafkaDataDir(options.dataDir, brokers),
    supervisor: { brokers, port: options.port, lingerMs: options.lingerMs },
    say: options.say,
  });
}

export function attachPostgres(options: {
  dataDir: string;
  port?: number;
  lingerMs: number;
  say: (line: string) => void;
}): Promise<AttachedService> {
  return attachService({
    kind: 'postgres',
    dataDir: postgresDataDir(options.dataDir),
    supervisor: { port: options.port, lingerMs: options.lingerMs },
    say: options.say,
  });
}
