// Helpers for integration tests: a kafkajs client on the run's broker and unique topic names.
import { randomUUID } from 'node:crypto';
import type { Admin, Consumer, Kafka } from 'kafkajs';
import { inject } from 'vitest';
import { createKafka } from '../../runtime/kafka/client.ts';

export function testKafka(): Kafka {
  return createKafka(inject('kafkaBrokers'));
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export async function createTopic(
  admin: Admin,
  topic: string,
  numPartitions = 1,
  configEntries: { name: string; value: string }[] = [],
): Promise<void> {
  await admin.createTopics({ topics: [{ topic, numPartitions, configEntries }], waitForLeaders: true });
}

/** Consumes from the beginning until `count` records arrived or `timeoutMs` passed. */
export async function consumeAll(consumer: Consumer, topic: string, count: number, timeoutMs = 15_000): Promise<string[]> {
  const values: string[] = [];
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      values.push(message.value?.toString() ?? '');
    },
  });
  const deadline = Date.now() + timeoutMs;
  while (values.length < count && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
  return values;
}
