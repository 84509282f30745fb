// The ingest contract against a real broker: 202 only once the review is in Kafka;
// 503 while the broker is down; writes succeed again once it is back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../runtime/http/server.ts';
import { createKafka } from '../../runtime/kafka/client.ts';
import { checkKafka } from '../../runtime/kafka/health.ts';
import { KafkaReviewWriter } from '../../runtime/kafka/review-writer.ts';
import { type LocalBroker, startLocalBroker } from '../../tools/kafka/broker.ts';
import { consumeAll, uniqueName } from '../setup/kafka.ts';

const review = (id: string) => ({ id, courseId: 'c1', userId: 'u1', rating: 4.5, content: 'Clear.', createdAt: new Date().toISOString() });

async function serverOn(brokers: string[], topic: string, timeoutMs: number) {
  const kafka = createKafka(brokers);
  const writer = new KafkaReviewWriter(kafka, { topic, partitions: 3, timeoutMs });
  const admin = kafka.admin();
  await admin.connect();
  await writer.ensureTopic(admin);
  await admin.disconnect();
  const app = await buildServer({ control: { reviews: writer, kafkaHealth: () => checkKafka(brokers, 1500) } });
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

  it('answers 503 while the broker is down, and 202 again once it is back', async () => {
    const port = broker.brokers[0]?.split(':')[1];
    await broker.stop();
    const down = await post(server.app, 'r2');
    expect(down.statusCode).toBe(503);
    expect(down.json().error.code).toBe('kafka-unavailable');
    expect((await server.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(503);

    broker = await startLocalBroker({ dataDir, port: Number(port), heap: '512m' });
    let status = 0;
    for (let attempt = 0; attempt < 20 && status !== 202; attempt++) status = (await post(server.app, 'r3')).statusCode;
    expect(status).toBe(202);
  });
});
