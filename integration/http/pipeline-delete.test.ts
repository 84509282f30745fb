// A deleted pipeline leaves nothing of its own on the cluster: its internal topics
// (repartition, changelogs, dead letters) and its consumer group's offsets go; its sink topics
// stay unless the delete asks for them too.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AssembledRuntime, assembleRuntime } from '../../runtime/cli/assemble.ts';
import { buildServer } from '../../runtime/http/server.ts';
import { countsPerCoursePipeline } from '../setup/counts-per-course.ts';
import { testKafka, uniqueName } from '../setup/kafka.ts';

const kafka = testKafka();
const admin = kafka.admin();
let runtime: AssembledRuntime;
let app: FastifyInstance;

beforeAll(async () => {
  await admin.connect();
  runtime = await assembleRuntime({
    brokers: inject('kafkaBrokers'),
    topics: { pipelines: uniqueName('pipelines') },
    env: { ...process.env, DATABASE_URL: inject('databaseUrl') },
  });
  app = await buildServer({ control: runtime.control });
});
afterAll(async () => {
  await app?.close();
  await runtime?.close();
  await admin.disconnect();
});

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

const topicsOf = async (id: string) => (await admin.listTopics()).filter((topic) => topic.startsWith(`sluice.${id}.`));
const groupExists = async (id: string) => (await admin.listGroups()).groups.some((group) => group.groupId === `sluice.${id}`);

async function deployAndRun(id: string, input: string, output: string): Promise<void> {
  await admin.createTopics({ topics: [{ topic: input, numPartitions: 2 }], waitForLeaders: true });
  const deployed = await app.inject({
    method: 'PUT',
    url: `/api/pipelines/${id}`,
    payload: countsPerCoursePipeline({ id, input, output }),
  });
  expect(deployed.statusCode).toBe(200);
  const producer = kafka.producer({ idempotent: true });
  await producer.connect();
  await producer.send({
    topic: input,
    acks: -1,
    messages: [1, 2, 3].map((i) => ({
      key: `r${i}`,
      value: JSON.stringify({ id: `r${i}`, courseId: 'c1', createdAt: '2026-01-01T00:00:00Z' }),
    })),
  });
  await producer.disconnect();
  // Running, with offsets committed and internal topics in use.
  await until(
    async () =>
      (await admin.fetchOffsets({ groupId: `sluice.${id}`, topics: [input] }))[0]?.partitions.some((p) => Number(p.offset) > 0) ?? false,
    'committed offsets',
  );
  expect((await topicsOf(id)).length).toBeGreaterThanOrEqual(3); // repartition, changelog(s), dlq
}

describe('deleting a pipeline', () => {
  it('removes its internal topics and its group, and keeps its sink topics', async () => {
    const [id, input, output] = [uniqueName('gone'), uniqueName('gone-in'), uniqueName('gone-out')];
    await deployAndRun(id, input, output);
    const deleted = await app.inject({ method: 'DELETE', url: `/api/pipelines/${id}` });
    expect(deleted.statusCode).toBe(204);
    await until(async () => (await topicsOf(id)).length === 0, 'the internal topics to go');
    await until(async () => !(await groupExists(id)), 'the consumer group to go');
    expect(await admin.listTopics()).toContain(output);
    expect((await app.inject({ method: 'GET', url: `/api/pipelines/${id}` })).statusCode).toBe(404);
  });

  it('also removes its sink topics when asked', async () => {
    const [id, input, output] = [uniqueName('purged'), uniqueName('purged-in'), uniqueName('purged-out')];
    await deployAndRun(id, input, output);
    const deleted = await app.inject({ method: 'DELETE', url: `/api/pipelines/${id}?deleteSinkTopics=true` });
    expect(deleted.statusCode).toBe(204);
    await until(async () => !(await admin.listTopics()).includes(output), 'the sink topic to go');
    await until(async () => (await topicsOf(id)).length === 0, 'the internal topics to go');
    expect(await admin.listTopics()).toContain(input); // a source belongs to whoever writes it
  });
});
