// Lifecycle races through the API on the real broker: a delete (or stop) that arrives while a deployment is still
// starting must stop it; before, the runner kept running with its consumer in the group and shutdown hung.
import type { FastifyInstance } from 'fastify';
import type { Admin } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AssembledRuntime, assembleRuntime } from '../../runtime/cli/assemble.ts';
import { buildServer } from '../../runtime/http/server.ts';
import { testKafka, uniqueName } from '../setup/kafka.ts';

const reviewsTopic = uniqueName('reviews');

function pipeline(id: string, sinkTopic: string) {
  return {
    format: 1,
    id,
    name: 'Reviews copied',
    nodes: [
      { id: 'reviews', type: 'source.kafka', config: { topic: reviewsTopic, format: 'json', keyField: 'id' } },
      { id: 'copy', type: 'sink.kafka', config: { topic: sinkTopic, keyField: 'id' } },
    ],
    edges: [{ from: { node: 'reviews', port: 'out' }, to: { node: 'copy', port: 'in' } }],
  };
}

let runtime: AssembledRuntime | undefined;
let app: FastifyInstance;
let admin: Admin;
beforeAll(async () => {
  runtime = await assembleRuntime({
    brokers: inject('kafkaBrokers'),
    topics: { pipelines: uniqueName('pipelines') },
    env: { ...process.env, DATABASE_URL: inject('databaseUrl') },
  });
  app = await buildServer({ control: runtime.control });
  admin = testKafka().admin();
  await admin.connect();
});
afterAll(async () => {
  await admin?.disconnect();
  await app?.close();
  await runtime?.close();
});

const call = (method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
  app.inject({ method, url, ...(payload !== undefined ? { payload: payload as object } : {}) });

const members = async (id: string) => (await admin.describeGroups([`sluice.${id}`])).groups[0]?.members.length ?? 0;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The group's member count over `ms`: a runner left behind joins within a few seconds. */
async function membersOver(id: string, ms: number): Promise<number[]> {
  const counts: number[] = [];
  for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(500)) counts.push(await members(id));
  return counts;
}

describe('a change that arrives while a deployment starts', () => {
  it('DELETE right after PUT stops it: no consumer stays in its group', async () => {
    const id = uniqueName('quick-delete');
    expect((await call('PUT', `/api/pipelines/${id}`, { pipeline: pipeline(id, uniqueName('copy')) })).statusCode).toBe(200);
    expect((await call('DELETE', `/api/pipelines/${id}`)).statusCode).toBe(204);
    expect((await call('GET', `/api/pipelines/${id}/status`)).statusCode).toBe(404);
    expect(Math.max(...(await membersOver(id, 12_000)))).toBe(0);
  });

  it('stop, start and delete in quick succession end with nothing running', async () => {
    const id = uniqueName('quick-steps');
    expect((await call('PUT', `/api/pipelines/${id}`, { pipeline: pipeline(id, uniqueName('copy')) })).statusCode).toBe(200);
    expect((await call('POST', `/api/pipelines/${id}/stop`)).statusCode).toBe(200);
    expect((await call('POST', `/api/pipelines/${id}/start`)).statusCode).toBe(200);
    expect((await call('DELETE', `/api/pipelines/${id}`)).statusCode).toBe(204);
    expect(Math.max(...(await membersOver(id, 12_000)))).toBe(0);
  });

  it('a running pipeline still deletes, and the runtime then shuts down promptly', async () => {
    const id = uniqueName('then-close');
    expect((await call('PUT', `/api/pipelines/${id}`, { pipeline: pipeline(id, uniqueName('copy')) })).statusCode).toBe(200);
    const deadline = Date.now() + 60_000;
    while ((await call('GET', `/api/pipelines/${id}/status`)).json().state !== 'running' && Date.now() < deadline) await sleep(200);
    expect((await call('GET', `/api/pipelines/${id}/status`)).json().state).toBe('running');
    expect((await call('DELETE', `/api/pipelines/${id}`)).statusCode).toBe(204);
    const closing = runtime?.close();
    runtime = undefined;
    const outcome = await Promise.race([closing?.then(() => 'closed'), sleep(45_000).then(() => 'still closing')]);
    expect(outcome).toBe('closed');
  });
});
