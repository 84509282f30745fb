// The local services a command needs: Kafka (KAFKA_BROKERS, or the local broker)
// and PostgreSQL (DATABASE_URL, or the embedded one), stopped in reverse order.
import { join } from 'node:path';
import { brokersFromEnv } from '../kafka/client.ts';
import { BrokerStartError, PrerequisiteError, startLocalBroker } from '../local/kafka/broker.ts';
import { CommandError } from './command.ts';
import { dataDir, rememberLocalDatabaseUrl } from './database-url.ts';

export interface Services {
  brokers: string[];
  databaseUrl: string;
  stop(): Promise<void>;
}

/** The port a local service prefers; 0 means any free port (tests run several at once). */
function preferredPort(variable: string, fallback: number): number | undefined {
  const value = Number(process.env[variable] ?? fallback);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

export async function startServices(say: (line: string) => void): Promise<Services> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch(() => {});
  };
  try {
    let brokers = brokersFromEnv();
    if (brokers) say(`using the Kafka cluster in KAFKA_BROKERS (${brokers.join(',')})`);
    else {
      const broker = await startLocalBroker({
        dataDir: join(dataDir(), 'kafka'),
        port: preferredPort('SLUICE_KAFKA_PORT', 9092),
        log: say,
      });
      stops.push(broker.stop);
      brokers = broker.brokers;
    }
    let databaseUrl = process.env.DATABASE_URL ?? '';
    if (!databaseUrl) {
      // Imported only when needed: the package installs process exit hooks of its own.
      const { startLocalPostgres } = await import('../local/postgres/embedded.ts');
      const postgres = await startLocalPostgres({
        dataDir: join(dataDir(), 'postgres'),
        port: preferredPort('SLUICE_POSTGRES_PORT', 5432),
        log: say,
      });
      stops.push(postgres.stop);
      databaseUrl = postgres.url;
      rememberLocalDatabaseUrl(databaseUrl);
      process.env.DATABASE_URL = databaseUrl; // what `${env:DATABASE_URL}` in pipelines resolves to
    }
    return { brokers, databaseUrl, stop };
  } catch (error) {
    await stop();
    if (error instanceof PrerequisiteError) throw new CommandError(error.message);
    if (error instanceof BrokerStartError)
      throw new CommandError(`the local Kafka broker failed to start: ${error.message}\n--- last lines of its log ---\n${error.logTail}`);
    throw error;
  }
}

/** Resolves when the process is asked to stop (Ctrl-C or SIGTERM). */
export function untilStopped(): Promise<string> {
  return new Promise((done) => {
    process.on('SIGINT', () => done('SIGINT'));
    process.on('SIGTERM', () => done('SIGTERM'));
  });
}
