// What every measurement gets from bench/main.ts: the cluster, the database, where
// processes it starts keep their data, and whether to profile them.
import type { Kafka } from 'kafkajs';

export interface BenchContext {
  kafka: Kafka;
  brokers: string[];
  databaseUrl: string;
  /** SLUICE_DATA_DIR of the processes the bench starts (their task stores, pipeline files). */
  dataDir: string;
  /** Set by --profile: workers write .cpuprofile files here. */
  profileDir?: string;
  quick: boolean;
  say(line: string): void;
}

/** The environment of a Sluice process the bench starts: the bench's cluster and database, info logs as JSON. */
export function childEnv(context: BenchContext): NodeJS.ProcessEnv {
  return {
    ...process.env,
    KAFKA_BROKERS: context.brokers.join(','),
    DATABASE_URL: context.databaseUrl,
    SLUICE_DATA_DIR: context.dataDir,
    LOG_LEVEL: 'info',
  };
}
