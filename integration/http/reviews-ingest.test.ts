// The ingest contract against a real broker: 202 only once the review is in Kafka;
// 503 while the broker is down; writes succeed again once it is back.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticEndpoints } from '../../runtime/control/endpoints.ts';
import { buildServer } from '../../runtime/http/server.ts';
import { emptyReader } from '../../runtime/http/testing/pipeline-endpoints.ts';
import { createKafka } from '../../runtime/kafka/client.ts';
import { checkKafka } from '../../runtime/kafka/health.ts';
import { KafkaRecordWriter } from '../../runtime/kafka/record-writer.ts';
import { fetchTopicEnds } from '../../runtime/kafka/topic-offsets.ts';
import { type LocalBroker, startLocalBroker } from '../../runtime/local/kafka/broker.ts';
import { reviewRecord } from '../../shared/api/review.ts';
import { consumeAll, createTopic, uniqueName } from '../setup/kafka.ts';
import { reviewStatsPipeline } from '../setup/review-stats.ts';

const review = (id: string) => ({ id, courseId: 'c1', userId: 'u1', rating: 4.5, content: 'Clear.', createdAt: new Date().toISOString() });

// Small enough that a batch under the API's body limit can still be more than one Kafka write takes.
const MAX_MESSAGE_BYTES = 256 * 1024;

async function serverOn(brokers: string[], topic: string, timeoutMs: number) {
  const kafka = createKafka(brokers);
  const writer = new KafkaRecordWriter(kafka, { topic, partitions: 3, timeoutMs });
  const admin = kafka.admin();
  await admin.connect();
  await createTopic(admin, topic, 3, [{ name: 'max.message.bytes', value: String(MAX_MESSAGE_BYTES) }]);
  await writer.ensureTopic(admin);
  await admin.disconnect();
  // review-stats' own ingest endpoint, writing to this file's topic.
  const endpoints = staticEndpoints([reviewStatsPipeline(topic)], { writer: () => writer, reader: () => emptyReader });
  const app = await buildServer({ control: { endpoints, kafkaHealth: () => checkKafka(brokers, 1500, [topic]) } });
  return { app, writer, kafka };
}

describe('review ingest on a real broker', () => {
  let dataDir: string;
  let broker: LocalBroker;
  let server: Awaited<ReturnType<typeof serverOn>>;
  const topic = uniqueName('reviews');

  // This file stops and restarts its broker, so it has one of its own.
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sluice-ingest-'));
    broker = await startLocalBroker({ dataDir, heap: '512m' });
    server = await serverOn(broker.brokers, topic, 3000);
  });
  afterAll(async () => {
    await server?.app.close();
    await server?.writer.close().catch(() => {});
    await broker?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (app: FastifyInstance, id: string) => app.inject({ method: 'POST', url: '/api/reviews', payload: review(id) });

  it('answers 202 only after the review and a delete are in the topic, keyed by review id', async () => {
    expect((await post(server.app, 'r1')).statusCode).toBe(202);
    expect((await server.app.inject({ method: 'DELETE', url: '/api/reviews/r1' })).statusCode).toBe(202);
    const consumer = server.kafka.consumer({ groupId: uniqueName('check') });
    await consumer.connect();
    const values = await consumeAll(consumer, topic, 2);
    await consumer.disconnect();
    expect(values).toHaveLength(2);
    expect(JSON.parse(values[0] ?? '{}')).toMatchObject({ id: 'r1', rating: 4.5 });
    expect(values[1]).toBe(''); // the tombstone
  });

  const storedCount = async () => {
    const admin = server.kafka.admin();
    await admin.connect();
    const offsets = await fetchTopicEnds(admin, topic);
    await admin.disconnect();
    return offsets.reduce((sum, partition) => sum + Number(partition.high), 0);
  };
  const batchOf = (count: number, contentLength: number, prefix: string) =>
    Array.from({ length: count }, (_, i) => ({ ...review(`${prefix}-${i}`), content: 'x'.repeat(contentLength) }));

  it('refuses a batch larger than one Kafka write with 413 before writing any of it', async () => {
    const before = await storedCount();
    // 600 reviews of 10,000 characters: 6 MB, over the batch body limit.
    const huge = await server.app.inject({ method: 'POST', url: '/api/reviews:batch', payload: { reviews: batchOf(600, 10_000, 'huge') } });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload-too-large');
    // 40 reviews of 10,000 characters: 400 KB, under the body limit but over this topic's max.message.bytes.
    const large = await server.app.inject({
      method: 'POST',
      url: '/api/reviews:batch',
      payload: { reviews: batchOf(40, 10_000, 'large') },
    });
    expect(large.statusCode).toBe(413);
    expect(large.json().error).toMatchObject({ code: 'batch-too-large', details: [{ path: '/reviews', limit: MAX_MESSAGE_BYTES }] });
    expect(large.json().error.message).toMatch(
      /^The batch comes to \d[\d,]* bytes as Kafka records; one write to 'reviews-[0-9a-f]+' takes at most 262,144: send fewer reviews per batch\. Nothing was written\.$/,
    );
    expect(await storedCount()).toBe(before);
    // The same reviews in smaller batches go through.
    const half = await server.app.inject({ method: 'POST', url: '/api/reviews:batch', payload: { reviews: batchOf(20, 10_000, 'half') } });
    expect(half.statusCode).toBe(202);
    expect(await storedCount()).toBe(before + 20);
  });

  it('throws its producer away after a failed write, so later writes to the same partitions succeed', async () => {
    // A writer that misjudges the broker's limit sends a write that the broker refuses for one partition only.
    const misjudging = new KafkaRecordWriter(server.kafka, { topic, partitions: 3, timeoutMs: 5000, maxWriteBytes: 10 * 1024 * 1024 });
    const small = Array.from({ length: 30 }, (_, i) => review(`small-${i}`));
    await expect(
      misjudging.put([{ ...review('too-big'), content: 'x'.repeat(MAX_MESSAGE_BYTES) }, ...small].map(reviewRecord)),
    ).rejects.toThrow();
    for (const one of small) await misjudging.put([reviewRecord({ ...one, id: `${one.id}-again` })]);
    await misjudging.close();
  });

  it('answers 503 while the broker is down, saying the write may have been stored and that retrying is safe; 202 once it is back', async () => {
    const port = broker.brokers[0]?.split(':')[1];
    await broker.stop();
    const down = await post(server.app, 'r2');
    expect(down.statusCode).toBe(503);
    expect(down.headers['retry-after']).toBe('1');
    expect(down.json().error).toMatchObject({
      code: 'kafka-unavailable',
      details: [{ stored: 'unknown', retry: 'safe with the same id' }],
    });
    expect(down.json().error.message).toMatch(
      /^Kafka did not acknowledge the write within 3000 ms\. It may have been stored: sending it again with the same id is safe/,
    );
    expect((await server.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(503);

    broker = await startLocalBroker({ dataDir, port: Number(port), heap: '512m' });
    let status = 0;
    for (let attempt = 0; attempt < 20 && status !== 202; attempt++) status = (await post(server.app, 'r3')).statusCode;
    expect(status).toBe(202);
  });
});
