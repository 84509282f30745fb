// The ceiling: a plain kafkajs consume → produce of the same records, acks=all, no transactions.
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { LoadOperation } from '../load/traffic.ts';
import { fillTopic } from './topics.ts';

export async function measurePassThrough(kafka: Kafka, operations: LoadOperation[]): Promise<number> {
  const input = `bench-in-${randomUUID().slice(0, 8)}`;
  const output = `bench-out-${randomUUID().slice(0, 8)}`;
  await fillTopic(kafka, input, operations, [output]);
  const producer = kafka.producer({ idempotent: true });
  await producer.connect();
  const consumer = kafka.consumer({ groupId: `bench-${randomUUID()}`, readUncommitted: false });
  await consumer.connect();
  await consumer.subscribe({ topic: input, fromBeginning: true });
  let moved = 0;
  let began = 0; // the clock starts with the first batch: joining the group is start-up, not throughput
  let done: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    done = resolve;
  });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      if (began === 0) began = performance.now();
      await producer.send({ topic: output, acks: -1, messages: batch.messages.map((m) => ({ key: m.key, value: m.value })) });
      moved += batch.messages.length;
      if (moved >= operations.length) done();
    },
  });
  await finished;
  const seconds = (performance.now() - began) / 1000;
  await consumer.disconnect();
  await producer.disconnect();
  return operations.length / seconds;
}
