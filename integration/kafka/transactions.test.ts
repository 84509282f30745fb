import type { Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTopic, testKafka, uniqueName } from '../setup/kafka.ts';

const kafka = testKafka();
const admin = kafka.admin();

beforeAll(() => admin.connect());
afterAll(() => admin.disconnect());

/** A read_committed consumer that records everything it is given. */
async function committedReader(client: Kafka, topic: string) {
  const seen: string[] = [];
  const consumer = client.consumer({ groupId: uniqueName('reader'), readUncommitted: false });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      seen.push(message.value?.toString() ?? '');
    },
  });
  return { seen, stop: () => consumer.disconnect() };
}

const settle = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function waitFor(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await settle(50);
}

describe('Kafka transactions through kafkajs', () => {
  it('shows a read_committed reader the records only after commit, and never those of an aborted transaction', async () => {
    const topic = uniqueName('txn');
    await createTopic(admin, topic, 1);
    const producer = kafka.producer({ transactionalId: uniqueName('tx'), idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const reader = await committedReader(kafka, topic);

    const aborted = await producer.transaction();
    await aborted.send({ topic, messages: [{ value: 'aborted-1' }, { value: 'aborted-2' }] });
    await aborted.abort();

    const committed = await producer.transaction();
    await committed.send({ topic, messages: [{ value: 'committed-1' }, { value: 'committed-2' }] });
    await settle(1500); // the reader is running: it must see nothing of an open transaction
    expect(reader.seen).toEqual([]);
    await committed.commit();

    await waitFor(() => reader.seen.length >= 2);
    await settle(500);
    expect(reader.seen).toEqual(['committed-1', 'committed-2']);
    await reader.stop();
    await producer.disconnect();
  });

  it('commits consumed offsets atomically with the outputs (sendOffsets)', async () => {
    const input = uniqueName('txn-in');
    await createTopic(admin, input, 1);
    const groupId = uniqueName('eos-group');
    const producer = kafka.producer({ transactionalId: uniqueName('tx'), idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();

    const aborted = await producer.transaction();
    await aborted.sendOffsets({ consumerGroupId: groupId, topics: [{ topic: input, partitions: [{ partition: 0, offset: '7' }] }] });
    await aborted.abort();
    const afterAbort = await admin.fetchOffsets({ groupId, topics: [input] });
    expect(afterAbort[0]?.partitions[0]?.offset).toBe('-1');

    const committed = await producer.transaction();
    await committed.sendOffsets({ consumerGroupId: groupId, topics: [{ topic: input, partitions: [{ partition: 0, offset: '7' }] }] });
    await committed.commit();
    // Transaction markers reach __consumer_offsets just after the commit returns.
    let committedOffset: string | undefined;
    for (let attempt = 0; attempt < 50 && committedOffset !== '7'; attempt++) {
      committedOffset = (await admin.fetchOffsets({ groupId, topics: [input] }))[0]?.partitions[0]?.offset;
      if (committedOffset !== '7') await settle(100);
    }
    expect(committedOffset).toBe('7');
    await producer.disconnect();
  });
});
