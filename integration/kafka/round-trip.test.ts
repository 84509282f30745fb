import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumeAll, createTopic, testKafka, uniqueName } from '../setup/kafka.ts';

const kafka = testKafka();
const admin = kafka.admin();

beforeAll(() => admin.connect());
afterAll(() => admin.disconnect());

describe('the local broker', () => {
  it('delivers what a producer sends to a consumer, in order per key', async () => {
    const topic = uniqueName('round-trip');
    await createTopic(admin, topic, 3);
    const producer = kafka.producer({ idempotent: true });
    await producer.connect();
    const messages = Array.from({ length: 50 }, (_, i) => ({ key: `k${i % 5}`, value: `v${i}` }));
    await producer.send({ topic, acks: -1, messages });
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId: uniqueName('g') });
    await consumer.connect();
    const values = await consumeAll(consumer, topic, messages.length);
    await consumer.disconnect();

    expect([...values].sort()).toEqual(messages.map((m) => m.value).sort());
    const forKey0 = values.filter((v) => Number(v.slice(1)) % 5 === 0);
    expect(forKey0).toEqual(messages.filter((_, i) => i % 5 === 0).map((m) => m.value));
  });

  it("keeps each record's own timestamp in a batch, whatever their order and number of digits", async () => {
    // patches/kafkajs+2.2.4.patch finds a batch's first and last timestamp in one pass, as numbers.
    const topic = uniqueName('timestamps');
    await createTopic(admin, topic, 1);
    const producer = kafka.producer({ idempotent: true });
    await producer.connect();
    const stamps = [1_796_148_000_123, 999_999_999_999, 1_796_148_000_000, 5_000, 1_796_148_009_999];
    await producer.send({ topic, acks: -1, messages: stamps.map((t, i) => ({ key: 'k', value: `v${i}`, timestamp: String(t) })) });
    await producer.disconnect();

    const seen: { value: string; timestamp: number }[] = [];
    const consumer = kafka.consumer({ groupId: uniqueName('g') });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        seen.push({ value: message.value?.toString() ?? '', timestamp: Number(message.timestamp) });
      },
    });
    const deadline = Date.now() + 15_000;
    while (seen.length < stamps.length && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
    await consumer.disconnect();
    expect(seen).toEqual(stamps.map((t, i) => ({ value: `v${i}`, timestamp: t })));
  });

  it('creates topics with the partitions and configs asked for', async () => {
    const topic = uniqueName('compacted');
    await createTopic(admin, topic, 6, [
      { name: 'cleanup.policy', value: 'compact' },
      { name: 'min.compaction.lag.ms', value: '1000' },
    ]);
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(metadata.topics[0]?.partitions).toHaveLength(6);
    const described = await admin.describeConfigs({
      resources: [{ type: 2 /* TOPIC */, name: topic, configNames: ['cleanup.policy', 'min.compaction.lag.ms'] }],
      includeSynonyms: false,
    });
    const entries = Object.fromEntries(described.resources[0]?.configEntries.map((e) => [e.configName, e.configValue]) ?? []);
    expect(entries).toEqual({ 'cleanup.policy': 'compact', 'min.compaction.lag.ms': '1000' });
  });
});
