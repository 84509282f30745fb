// The only place that constructs kafkajs clients: the rest of the runtime gets them from here.
import { Kafka, type KafkaConfig, logLevel } from 'kafkajs';
import { logger } from '../log/logger.ts';

const levels: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

// kafkajs logs every retried request at ERROR; they are expected while a broker
// starts or fails over, so they go to our logger at debug level only.
const kafkaLog = logger.child({ component: 'kafkajs' });
function logCreator() {
  return ({ level, log }: { level: number; log: { message: string } & Record<string, unknown> }) => {
    const { message, ...rest } = log;
    const pinoLevel = level === logLevel.ERROR || level === logLevel.WARN ? 'debug' : (levels[level] ?? 'debug');
    kafkaLog[pinoLevel](rest, message);
  };
}

export function brokersFromEnv(value = process.env.KAFKA_BROKERS): string[] | undefined {
  const brokers = value
    ?.split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  return brokers && brokers.length > 0 ? brokers : undefined;
}

export function createKafka(brokers: string[], overrides: Partial<KafkaConfig> = {}): Kafka {
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
  return new Kafka({ clientId: 'sluice', brokers, logLevel: logLevel.WARN, logCreator, ...overrides });
}
