import { join } from 'node:path';
import { BrokerStartError, type LocalBroker, PrerequisiteError, startLocalBroker } from '../../../tools/kafka/broker.ts';
import { startLocalPostgres } from '../../../tools/postgres/embedded.ts';
import { buildServer } from '../../http/server.ts';
import { brokersFromEnv, createKafka } from '../../kafka/client.ts';
import { checkKafka } from '../../kafka/health.ts';
import { KafkaReviewWriter } from '../../kafka/review-writer.ts';
import type { Command } from '../command.ts';
import { dataDir as defaultDataDir, rememberLocalDatabaseUrl } from '../database-url.ts';
import { designerDist, ensureDesignerBuilt } from '../designer-build.ts';
import { listenOnPreferredPort } from '../listen.ts';

const say = (line: string) => console.log(`sluice: ${line}`);

/** The port a local service prefers; 0 means any free port (tests run several at once). */
function preferredPort(variable: string, fallback: number): number | undefined {
  const value = Number(process.env[variable] ?? fallback);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

async function kafkaForStart(dataDir: string): Promise<{ brokers: string[]; broker?: LocalBroker }> {
  const configured = brokersFromEnv();
  if (configured) {
    say(`using the Kafka cluster in KAFKA_BROKERS (${configured.join(',')})`);
    return { brokers: configured };
  }
  const broker = await startLocalBroker({ dataDir: join(dataDir, 'kafka'), port: preferredPort('SLUICE_KAFKA_PORT', 9092), log: say });
  return { brokers: broker.brokers, broker };
}

export const start: Command = {
  name: 'start',
  summary: 'start the local Kafka broker (unless KAFKA_BROKERS is set), the runtime and the designer',
  usage: 'start',
  async run() {
    const dataDir = defaultDataDir();
    let kafka: Awaited<ReturnType<typeof kafkaForStart>>;
    try {
      kafka = await kafkaForStart(dataDir);
    } catch (error) {
      if (error instanceof PrerequisiteError) {
        console.error(`sluice: ${error.message}`);
        return 1;
      }
      if (error instanceof BrokerStartError) {
        console.error(`sluice: the local Kafka broker failed to start: ${error.message}\n--- last lines of its log ---\n${error.logTail}`);
        return 1;
      }
      throw error;
    }
    let stopping: Promise<void> | undefined;
    let stopPostgres = () => Promise.resolve();
    const stopServices = async () => {
      await stopPostgres();
      await kafka.broker?.stop();
    };
    try {
      if (!process.env.DATABASE_URL) {
        const postgres = await startLocalPostgres({
          dataDir: join(dataDir, 'postgres'),
          port: preferredPort('SLUICE_POSTGRES_PORT', 5432),
          log: say,
        });
        stopPostgres = postgres.stop;
        rememberLocalDatabaseUrl(postgres.url);
      }
      await ensureDesignerBuilt(say);
      const client = createKafka(kafka.brokers);
      const reviews = new KafkaReviewWriter(client);
      const admin = client.admin();
      await admin.connect();
      await reviews.ensureTopic(admin);
      await admin.disconnect();
      const app = await buildServer({ control: { reviews, kafkaHealth: () => checkKafka(kafka.brokers) }, designerDir: designerDist });
      const host = process.env.API_TOKEN ? (process.env.HOST ?? '0.0.0.0') : '127.0.0.1';
      if (!process.env.API_TOKEN) say('API_TOKEN is not set: listening on 127.0.0.1 only');
      const address = await listenOnPreferredPort(app, host, process.env.PORT, say);
      say(`Sluice is running at ${address}`);
      const shutdown = (signal: string) => {
        stopping ??= (async () => {
          say(`${signal}: stopping`);
          await app.close();
          await reviews.close();
          await stopServices();
          say('stopped');
        })();
        return stopping;
      };
      await new Promise<void>((done) => {
        process.on('SIGINT', () => shutdown('SIGINT').then(done));
        process.on('SIGTERM', () => shutdown('SIGTERM').then(done));
      });
      return 0;
    } catch (error) {
      await stopServices();
      throw error;
    }
  },
};
