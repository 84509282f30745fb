// The local services a command needs: Kafka (KAFKA_BROKERS, or the installation's local cluster)
// and PostgreSQL (DATABASE_URL, or the embedded one). Local ones belong to a supervisor process
// per data folder (runtime/local/services/): this process only holds a lease on them, so stopping it never
// stops a broker or database another Sluice process still uses, and a crash of it stops nothing.

import { brokersFromEnv } from '../kafka/client.ts';
import { PrerequisiteError } from '../local/kafka/errors.ts';
import { type AttachedService, ServiceStartError } from '../local/services/attach.ts';
import { attachKafka, attachPostgres } from '../local/services/local-services.ts';
import { CommandError, UsageError } from './command.ts';
import { dataDir } from './database-url.ts';

export interface Services {
  brokers: string[];
  databaseUrl: string;
  stop(): Promise<void>;
}

export interface ServiceRequest {
  /** How many local brokers (--brokers); unset: SLUICE_LOCAL_BROKERS, or whatever local cluster runs, or 1. */
  brokers?: number;
}

/** The port a local service prefers; 0 means any free port (tests run several at once). */
function preferredPort(variable: string, fallback: number): number | undefined {
  const value = Number(process.env[variable] ?? fallback);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** --brokers, else SLUICE_LOCAL_BROKERS; a whole number from 1 to 9. */
export function requestedBrokers(flag: string | undefined, env = process.env.SLUICE_LOCAL_BROKERS): number | undefined {
  const raw = flag ?? (env || undefined);
  if (raw === undefined) return undefined;
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > 9)
    throw new UsageError(`${flag !== undefined ? '--brokers' : 'SLUICE_LOCAL_BROKERS'} must be a whole number from 1 to 9, not '${raw}'`);
  return count;
}

/** How long local services outlive a Sluice process that crashed, so that its restart finds them running. */
function lingerMs(): number {
  const value = Number(process.env.SLUICE_SERVICES_LINGER_MS ?? 60_000);
  return Number.isFinite(value) && value >= 0 ? value : 60_000;
}

function startFailure(what: string, error: unknown): unknown {
  if (error instanceof PrerequisiteError) return new CommandError(error.message);
  if (error instanceof ServiceStartError)
    return new CommandError(
      `${what} failed to start: ${error.message}${error.detail ? `\n--- last lines of its log ---\n${error.detail}` : ''}`,
    );
  return error;
}

export async function startServices(say: (line: string) => void, request: ServiceRequest = {}): Promise<Services> {
  const attached: AttachedService[] = [];
  const stop = async () => {
    for (const service of attached.reverse()) await service.release().catch(() => {});
  };
  const configured = brokersFromEnv();
  if (configured && request.brokers !== undefined) throw new UsageError('--brokers starts local brokers: unset KAFKA_BROKERS to use it');
  const linger = lingerMs();
  const kafka = configured
    ? Promise.resolve(undefined)
    : attachKafka({
        dataDir: dataDir(),
        brokers: request.brokers,
        port: preferredPort('SLUICE_KAFKA_PORT', 9092),
        lingerMs: linger,
        say,
      }).catch((error: unknown) => Promise.reject(startFailure('the local Kafka broker', error)));
  const postgres = process.env.DATABASE_URL
    ? Promise.resolve(undefined)
    : attachPostgres({ dataDir: dataDir(), port: preferredPort('SLUICE_POSTGRES_PORT', 5432), lingerMs: linger, say }).catch(
        (error: unknown) => Promise.reject(startFailure('the local PostgreSQL', error)),
      );
  // Both at once: the broker's JVM and PostgreSQL start in parallel.
  const [kafkaResult, postgresResult] = await Promise.allSettled([kafka, postgres]);
  for (const result of [kafkaResult, postgresResult]) if (result.status === 'fulfilled' && result.value) attached.push(result.value);
  const failed = [kafkaResult, postgresResult].find((result) => result.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  let brokers = configured;
  const kafkaService = kafkaResult.status === 'fulfilled' ? kafkaResult.value : undefined;
  if (configured) say(`using the Kafka cluster in KAFKA_BROKERS (${configured.join(',')})`);
  else if (kafkaService?.endpoint.kind === 'kafka') {
    brokers = kafkaService.endpoint.brokers;
    const size = kafkaService.endpoint.brokerCount === 1 ? 'broker' : `cluster of ${kafkaService.endpoint.brokerCount} brokers`;
    say(`${kafkaService.started ? 'started the' : 'using the running'} local Kafka ${size} on ${brokers.join(',')}`);
  }
  let databaseUrl = process.env.DATABASE_URL ?? '';
  const postgresService = postgresResult.status === 'fulfilled' ? postgresResult.value : undefined;
  if (postgresService?.endpoint.kind === 'postgres') {
    databaseUrl = postgresService.endpoint.url;
    say(`${postgresService.started ? 'started the' : 'using the running'} local PostgreSQL on ${new URL(databaseUrl).host}`);
    process.env.DATABASE_URL = databaseUrl; // what `${env:DATABASE_URL}` in pipelines resolves to
  }
  if (!brokers) throw new Error('no Kafka cluster: neither KAFKA_BROKERS nor a local one');
  return { brokers, databaseUrl, stop };
}

/** Resolves when the process is asked to stop (Ctrl-C or SIGTERM). */
export function untilStopped(): Promise<string> {
  return new Promise((done) => {
    process.on('SIGINT', () => done('SIGINT'));
    process.on('SIGTERM', () => done('SIGTERM'));
  });
}
