import { join } from 'node:path';
import { brokersFromEnv } from '../kafka/client.ts';
import { repoRoot } from '../local/project-root.ts';
import { runningKafka, runningPostgres } from '../local/services/local-services.ts';
import { UsageError } from './command.ts';

export const dataDir = () => process.env.SLUICE_DATA_DIR ?? join(repoRoot, '.data');

/** DATABASE_URL, or the local PostgreSQL that `npm start` (or another Sluice process) runs. */
export function databaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const local = runningPostgres(dataDir());
  if (local) return local;
  throw new UsageError('no database: set DATABASE_URL, or run `npm start` (it starts an embedded PostgreSQL)');
}

/** KAFKA_BROKERS, or the local cluster that runs now; undefined when neither. */
export function kafkaBrokers(): string[] | undefined {
  return brokersFromEnv() ?? runningKafka(dataDir())[0]?.brokers;
}
