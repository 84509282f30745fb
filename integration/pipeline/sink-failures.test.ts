// A sink that fails must neither stop a pipeline for good nor lose anything: a row PostgreSQL
// refuses for good (a NUL in a text) goes to the dead-letter topic with PostgreSQL's reason and
// the partition moves on; a PostgreSQL that is down is waited out with backoff, the task keeps
// its state meanwhile (no restore per retry), says it is failing, and recovers by itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PipelineRunner } from '../../runtime/kafka/pipeline-runner.ts';
import type { TaskState } from '../../runtime/kafka/task-handle.ts';
import { startLocalPostgres } from '../../runtime/local/postgres/embedded.ts';
import { PostgresSinks } from '../../runtime/postgres/sink-executor.ts';
import { DLQ, SINK_RETRIES, total } from '../../shared/engine/metrics.ts';
import { validatePipeline } from '../../shared/index.ts';
import { createTopic, testKafka, uniqueName } from '../setup/kafka.ts';

const kafka = testKafka();
const admin = kafka.admin();
beforeAll(() => admin.connect());
afterAll(() => admin.disconnect());

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

function tablePipeline(input: string, table: string, stats?: string) {
  const nodes: unknown[] = [
    { id: 'in', type: 'source.kafka', config: { topic: input, keyField: 'id', eventTimeField: 'createdAt' } },
    { id: 'table', type: 'sink.postgres', config: { table, primaryKey: ['id'] } },
  ];
  const edges = [{ from: { node: 'in', port: 'out' }, to: { node: 'table', port: 'in' } }];
  if (stats) {
    nodes.push(
      {
        id: 'perCourse',
        type: 'window',
        config: {
          keyField: 'courseId',
          eventTimeField: 'createdAt',
          idField: 'id',
          windows: [{ name: 'allTime', type: 'all-time' }],
          aggregates: [{ name: 'count', fn: 'count' }],
        },
      },
      { id: 'stats', type: 'sink.postgres', config: { table: stats, primaryKey: ['courseId'] } },
    );
    edges.push(
      { from: { node: 'in', port: 'out' }, to: { node: 'perCourse', port: 'in' } },
      { from: { node: 'perCourse', port: 'out' }, to: { node: 'stats', port: 'in' } },
    );
  }
  const result = validatePipeline({ format: 1, id: uniqueName('sinks'), name: 'Sinks', nodes, edges });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.pipeline;
}

async function produce(topic: string, values: Record<string, unknown>[]): Promise<void> {
  const producer = kafka.producer({ idempotent: true });
  await producer.connect();
  await producer.send({ topic, acks: -1, messages: values.map((value) => ({ key: String(value.id), value: JSON.stringify(value) })) });
  await producer.disconnect();
}

const review = (i: number, note = 'fine') => ({
  id: `r${i}`,
  courseId: `c${i % 3}`,
  note,
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
});

async function deadLetters(topic: string): Promise<{ value: string; headers: Record<string, string> }[]> {
  const letters: { value: string; headers: Record<string, string> }[] = [];
  const consumer = kafka.consumer({ groupId: uniqueName('dlq'), readUncommitted: false });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
      letters.push({ value: message.value?.toString() ?? '', headers });
    },
  });
  await sleep(3000);
  await consumer.disconnect();
  return letters;
}

describe('a row PostgreSQL refuses for good', () => {
  const db = new pg.Pool({ connectionString: inject('databaseUrl') });
  const sinks = new PostgresSinks({ ...process.env, DATABASE_URL: inject('databaseUrl') });
  afterAll(async () => {
    await sinks.close();
    await db.end();
  });

  it('goes to the dead-letter topic with the reason, and the partition moves on', async () => {
    const [input, table] = [uniqueName('poison'), uniqueName('poison').replaceAll('-', '_')];
    await createTopic(admin, input, 1);
    await produce(input, [...Array.from({ length: 30 }, (_, i) => review(i)), review(30, 'nul \u0000 here'), review(31)]);
    const runner = new PipelineRunner(kafka, admin, tablePipeline(input, table), {
      executeSinks: sinks.execute,
      isolateSinks: sinks.isolate,
    });
    const plan = await runner.provision();
    await runner.start();
    const rows = async () =>
      Number((await db.query(`SELECT count(*) FROM "${table}"`).catch(() => ({ rows: [{ count: 0 }] }))).rows[0]?.count);
    try {
      await until(async () => (await rows()) === 31, 'the 31 good rows');
      await produce(
        input,
        Array.from({ length: 10 }, (_, i) => review(40 + i)),
      );
      await until(async () => (await rows()) === 41, 'the rows written after the refused one');
    } finally {
      await runner.stop();
    }
    const letters = await deadLetters(plan.dlqTopic);
    expect(letters).toHaveLength(1);
    expect(JSON.parse(letters[0]?.value ?? '{}')).toMatchObject({ id: 'r30' });
    expect(letters[0]?.headers).toMatchObject({ 'sluice.node': 'table', 'sluice.reason': 'sink-refused' });
    expect(letters[0]?.headers['sluice.error']).toMatch(/0x00|invalid byte sequence/);
    const snapshot = runner.metrics.snapshot();
    expect(total(snapshot, DLQ, { node: 'table' })).toBe(1);
    expect(total(snapshot, SINK_RETRIES, { node: 'table', kind: 'refused' })).toBeGreaterThanOrEqual(3);
  });
});

describe('a PostgreSQL that goes down', () => {
  it('is waited out: the task says failing, keeps its state, and writes everything once it is back', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sluice-sink-outage-'));
    let postgres = await startLocalPostgres({ dataDir });
    const port = Number(new URL(postgres.url).port);
    const sinks = new PostgresSinks({ ...process.env, DATABASE_URL: postgres.url });
    const db = new pg.Pool({ connectionString: postgres.url });
    db.on('error', () => {});
    const [input, table, stats] = [uniqueName('outage'), uniqueName('rows').replaceAll('-', '_'), uniqueName('stats').replaceAll('-', '_')];
    await createTopic(admin, input, 1);
    const states: { state: TaskState; reason?: string }[] = [];
    const runner = new PipelineRunner(kafka, admin, tablePipeline(input, table, stats), {
      executeSinks: sinks.execute,
      isolateSinks: sinks.isolate,
      onStateChange: (_, state, reason) => void states.push({ state, reason }),
    });
    await runner.provision();
    await runner.start();
    const count = async (sql: string) => Number((await db.query(sql).catch(() => ({ rows: [{ n: -1 }] }))).rows[0]?.n);
    try {
      await produce(
        input,
        Array.from({ length: 20 }, (_, i) => review(i)),
      );
      await until(async () => (await count(`SELECT count(*) AS n FROM "${table}"`)) === 20, 'the first rows');
      await postgres.stop();
      const before = states.length;
      await produce(
        input,
        Array.from({ length: 20 }, (_, i) => review(20 + i)),
      );
      await until(() => states.slice(before).some((s) => s.state === 'failing'), 'the task to say it is failing');
      expect(states.at(-1)?.reason).toMatch(/sink (table|stats)/);
      await sleep(3000); // a few retries with backoff
      postgres = await startLocalPostgres({ dataDir, port });
      await until(async () => (await count(`SELECT count(*) AS n FROM "${table}"`)) === 40, 'every row once PostgreSQL is back');
      await until(
        async () => (await count(`SELECT sum(("allTime"->>'count')::int) AS n FROM "${stats}"`)) === 40,
        'the statistics of every row',
      );
      await until(() => states.at(-1)?.state === 'running', 'the task to run again');
      // The state was kept through the outage: no restore, no fresh producer.
      expect(states.slice(before).map((s) => s.state)).not.toContain('restoring');
      expect(states.slice(before).map((s) => s.state)).not.toContain('recovering');
      expect(total(runner.metrics.snapshot(), SINK_RETRIES, { kind: 'outage' })).toBeGreaterThan(0);
    } finally {
      await runner.stop();
      await sinks.close();
      await db.end();
      await postgres.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
