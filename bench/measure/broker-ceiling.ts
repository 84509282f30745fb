// The broker's own ceiling: Kafka's perf tools from the kafka-tools jar (resolved
// with the broker's jars by runtime/local/kafka/pom.xml), run as a JVM against the bench
// broker, with records of the average review's size. Java client defaults
// (batch.size 16 KiB, linger.ms 5), acks=all; no compression, like kafkajs here.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { checkJava, ensureKafkaJars } from '../../runtime/local/kafka/broker.ts';
import type { BenchContext } from './context.ts';
import {
  type ConsumerPerformanceSummary,
  type ProducerPerformanceSummary,
  parseConsumerPerformance,
  parseProducerPerformance,
} from './perf-output.ts';
import { createTopics } from './topics.ts';

export interface BrokerCeiling {
  produce: ProducerPerformanceSummary;
  /** The same, in transactions of about 100 ms (an exactly-once writer's pattern). */
  transactionalProduce: ProducerPerformanceSummary;
  consume: ConsumerPerformanceSummary;
}

function runJava(mainClass: string, args: string[], timeoutMs: number): Promise<string> {
  const libs = ensureKafkaJars();
  return new Promise((done, fail) => {
    const child = spawn('java', ['-Xmx512m', '-XX:+UseG1GC', '-Djava.awt.headless=true', '-cp', join(libs, '*'), mainClass, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', fail);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) done(output);
      else fail(new Error(`${mainClass} failed (${signal ?? `exit ${code}`}):\n${output.trim().split('\n').slice(-10).join('\n')}`));
    });
  });
}

function producerArgs(context: BenchContext, topic: string, records: number, recordSize: number): string[] {
  return [
    '--topic',
    topic,
    '--num-records',
    String(records),
    '--record-size',
    String(recordSize),
    '--throughput',
    '-1',
    '--command-property',
    `bootstrap.servers=${context.brokers.join(',')}`,
    'acks=all',
  ];
}

export async function measureBrokerCeiling(context: BenchContext, records: number, recordSize: number): Promise<BrokerCeiling> {
  checkJava();
  const topic = `bench-perf-${randomUUID().slice(0, 8)}`;
  const transactional = `${topic}-tx`;
  await createTopics(context.kafka, [topic, transactional]);
  const produced = parseProducerPerformance(
    await runJava('org.apache.kafka.tools.ProducerPerformance', producerArgs(context, topic, records, recordSize), 300_000),
  );
  if (!produced) throw new Error('ProducerPerformance printed no summary');
  const consumed = parseConsumerPerformance(
    await runJava(
      'org.apache.kafka.tools.ConsumerPerformance',
      ['--bootstrap-server', context.brokers.join(','), '--topic', topic, '--num-records', String(records), '--timeout', '60000'],
      300_000,
    ),
  );
  if (!consumed || consumed.records < records) throw new Error('ConsumerPerformance did not read every record');
  const transactionalProduced = parseProducerPerformance(
    await runJava(
      'org.apache.kafka.tools.ProducerPerformance',
      [
        ...producerArgs(context, transactional, records, recordSize),
        '--transactional-id',
        transactional,
        '--transaction-duration-ms',
        '100',
      ],
      300_000,
    ),
  );
  if (!transactionalProduced) throw new Error('ProducerPerformance (transactional) printed no summary');
  const admin = context.kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [topic, transactional] }).catch(() => {});
  await admin.disconnect();
  return { produce: produced, transactionalProduce: transactionalProduced, consume: consumed };
}
