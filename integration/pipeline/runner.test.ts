// A pipeline JSON run by the Kafka driver on the real broker and PostgreSQL:
// every input accounted for, outputs exactly once, unparseable records in the DLQ.
import { ConfigResourceTypes } from 'kafkajs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PipelineRunner } from '../../runtime/kafka/pipeline-runner.ts';
import { PostgresSinks } from '../../runtime/postgres/sink-executor.ts';
import { DROPPED, RECORDS_IN, total } from '../../shared/engine/metrics.ts';
import { validatePipeline } from '../../shared/index.ts';
import { testKafka, uniqueName } from '../setup/kafka.ts';

const kafka = testKafka();
const admin = kafka.admin();
const db = new pg.Pool({ connectionString: inject('databaseUrl') });
const sinks = new PostgresSinks({ ...process.env, DATABASE_URL: inject('databaseUrl') });
beforeAll(() => admin.connect());
afterAll(async () => {
  await admin.disconnect();
  await sinks.close();
  await db.end();
});

function ratingsPipeline(id: string, input: string, output: string, table: string) {
  const result = validatePipeline({
    format: 1,
    id,
    name: 'Good ratings',
    nodes: [
      { id: 'in', type: 'source.kafka', config: { topic: input, format: 'json', keyField: 'id' } },
      { id: 'good', type: 'filter', config: { expression: 'rating >= 3.0' } },
      { id: 'shape', type: 'map', config: { pick: ['id', 'rating'] } },
      { id: 'out', type: 'sink.kafka', config: { topic: output, keyField: 'id' } },
      { id: 'table', type: 'sink.postgres', config: { table, primaryKey: ['id'] } },
    ],
    edges: [
      { from: { node: 'in', port: 'out' }, to: { node: 'good', port: 'in' } },
      { from: { node: 'good', port: 'out' }, to: { node: 'shape', port: 'in' } },
      { from: { node: 'shape', port: 'out' }, to: { node: 'out', port: 'in' } },
      { from: { node: 'shape', port: 'out' }, to: { node: 'table', port: 'in' } },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.pipeline;
}

async function readAll(
  topic: string,
  expected: number,
  timeoutMs = 30_000,
): Promise<{ key: string; value: string; headers: Record<string, string> }[]> {
  const seen: { key: string; value: string; headers: Record<string, string> }[] = [];
  const consumer = kafka.consumer({ groupId: uniqueName('read'), readUncommitted: false });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
      seen.push({ key: message.key?.toString() ?? '', value: message.value?.toString() ?? '', headers });
    },
  });
  const deadline = Date.now() + timeoutMs;
  while (seen.length < expected && Date.now() < deadline) await new Promise((done) => setTimeout(done, 100));
  await new Promise((done) => setTimeout(done, 1000));
  await consumer.disconnect();
  return seen;
}

describe('a pipeline on Kafka', () => {
  it('moves N records with exactly N accounted for, writes the table, and sends unparseable records to the DLQ', async () => {
    const [input, output, table] = [uniqueName('ratings'), uniqueName('good-ratings'), uniqueName('good').replaceAll('-', '_')];
    const pipeline = ratingsPipeline(uniqueName('p'), input, output, table);
    await admin.createTopics({ topics: [{ topic: input, numPartitions: 3 }], waitForLeaders: true });
    const producer = kafka.producer({ idempotent: true });
    await producer.connect();
    const records = Array.from({ length: 600 }, (_, i) => ({
      key: `r${i}`,
      value: JSON.stringify({ id: `r${i}`, rating: (i % 10) / 2, note: 'x' }),
    }));
    const poison = [
      { key: 'bad1', value: '{not json' },
      { key: 'bad2', value: '[1,2]' },
    ];
    await producer.send({ topic: input, acks: -1, messages: [...records, ...poison] });
    await producer.disconnect();

    const runner = new PipelineRunner(kafka, admin, pipeline, { executeSinks: sinks.execute });
    const plan = await runner.provision();
    await runner.start();
    const good = records.filter((_, i) => (i % 10) / 2 >= 3);
    const outputs = await readAll(output, good.length);
    const dead = await readAll(plan.dlqTopic, poison.length);
    await runner.stop();

    expect(outputs.map((o) => o.key).sort()).toEqual(good.map((r) => r.key).sort());
    expect(JSON.parse(outputs[0]?.value ?? '{}')).toEqual({ id: outputs[0]?.key, rating: expect.any(Number) });
    expect(dead.map((d) => d.key).sort()).toEqual(['bad1', 'bad2']);
    for (const letter of dead) {
      expect(letter.headers['sluice.node']).toBe('in');
      expect(letter.headers['sluice.source.topic']).toBe(input);
      expect(letter.headers['sluice.reason']).toBeTruthy();
    }
    const rows = (await db.query(`SELECT id, rating FROM "${table}"`)).rows;
    expect(rows).toHaveLength(good.length);

    const snapshot = runner.metrics.snapshot();
    const recordsIn = total(snapshot, RECORDS_IN, { node: 'in' });
    expect(recordsIn).toBe(records.length + poison.length);
    const dropped = total(snapshot, DROPPED, { node: 'good' });
    expect(dropped).toBe(records.length - good.length);
  });

  it('refuses, before creating any topic, a pipeline that asks for more replicas than the cluster has brokers', async () => {
    const id = uniqueName('replicas');
    const pipeline = { ...ratingsPipeline(id, uniqueName('in'), uniqueName('out'), 'never_created'), topics: { replicationFactor: 3 } };
    const runner = new PipelineRunner(kafka, admin, pipeline, { executeSinks: async () => {} });
    await expect(runner.provision()).rejects.toThrow(/topics\.replicationFactor is 3, but the cluster has 1 broker/);
    expect((await admin.listTopics()).filter((topic) => topic.includes(id))).toEqual([]);
  });

  it('creates its topics with the replication the pipeline asks for, and min.insync.replicas with it', async () => {
    const id = uniqueName('isr');
    const output = uniqueName('out');
    const pipeline = {
      ...ratingsPipeline(id, uniqueName('in'), output, 'never_written'),
      topics: { replicationFactor: 1, minInsyncReplicas: 1 },
    };
    await new PipelineRunner(kafka, admin, pipeline, { executeSinks: async () => {} }).provision();
    const [described] = (
      await admin.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: ConfigResourceTypes.TOPIC, name: output, configNames: ['min.insync.replicas'] }],
      })
    ).resources;
    const entry = described?.configEntries.find((candidate) => candidate.configName === 'min.insync.replicas');
    expect(entry).toMatchObject({ configValue: '1', isDefault: false }); // set on the topic, not the broker's default
  });
});
