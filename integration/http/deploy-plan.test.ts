// The dry-run deploy and the rollback routes, on the real broker and PostgreSQL: a plan applies nothing and says what
// the deploy then does; a rollback deploys an old version again as a new one, through the same checks.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AssembledRuntime, assembleRuntime } from '../../runtime/cli/assemble.ts';
import { buildServer } from '../../runtime/http/server.ts';
import type { DeployPlan } from '../../shared/api/deploy-plan.ts';
import { uniqueName } from '../setup/kafka.ts';

const id = uniqueName('plan');
const reviewsTopic = uniqueName('reviews');
const statsTopic = uniqueName('course-stats');

function statsPipeline(windowSize = '90d') {
  return {
    format: 1,
    id,
    name: 'Course stats, planned',
    nodes: [
      { id: 'reviews', type: 'source.kafka', config: { topic: reviewsTopic, keyField: 'id', eventTimeField: 'createdAt' } },
      {
        id: 'courseStats',
        type: 'window',
        config: {
          keyField: 'courseId',
          eventTimeField: 'createdAt',
          idField: 'id',
          windows: [{ name: 'recent', type: 'sliding', size: windowSize }],
          aggregates: [{ name: 'count', fn: 'count' }],
        },
      },
      { id: 'statsTopic', type: 'sink.kafka', config: { topic: statsTopic, keyField: 'courseId' } },
    ],
    edges: [
      { from: { node: 'reviews', port: 'out' }, to: { node: 'courseStats', port: 'in' } },
      { from: { node: 'courseStats', port: 'out' }, to: { node: 'statsTopic', port: 'in' } },
    ],
  };
}

let runtime: AssembledRuntime;
let app: FastifyInstance;
beforeAll(async () => {
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
});

const call = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) =>
  app.inject({ method, url, ...(payload !== undefined ? { payload: payload as object } : {}) });

async function statusOf(): Promise<{ state: string; version?: number; stores?: { kept: string[]; reset: string[] } }> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const status = (await call('GET', `/api/pipelines/${id}/status`)).json();
    if (status.state === 'running' || Date.now() > deadline) return status;
    await new Promise((done) => setTimeout(done, 200));
  }
}

describe('planning a deploy, then rolling back', () => {
  it('plans a first deploy without deploying anything', async () => {
    const response = await call('POST', `/api/pipelines/${id}/plan`, { pipeline: statsPipeline() });
    expect(response.statusCode).toBe(200);
    const plan = response.json() as DeployPlan;
    expect(plan).toMatchObject({ pipelineId: id, nextVersion: 1, changed: true });
    expect(plan.stateful).toEqual([{ id: 'courseStats', type: 'window', state: 'new' }]);
    expect((await call('GET', `/api/pipelines/${id}`)).statusCode).toBe(404);
  });

  it('says which state a change resets, and the deploy then does exactly that', async () => {
    expect((await call('PUT', `/api/pipelines/${id}`, { pipeline: statsPipeline() })).statusCode).toBe(200);
    await statusOf();
    const plan = (
      await call('POST', `/api/pipelines/${id}/plan`, { pipeline: statsPipeline('30d'), baseRevision: 1 })
    ).json() as DeployPlan;
    expect(plan).toMatchObject({ currentVersion: 1, nextVersion: 2, revision: 1 });
    expect(plan.diff.nodes.changed).toEqual([
      { id: 'courseStats', type: 'window', config: [{ path: '/windows/0/size', before: '90d', after: '30d' }] },
    ]);
    expect(plan.stateful).toEqual([{ id: 'courseStats', type: 'window', state: 'reset' }]);
    expect((await call('GET', `/api/pipelines/${id}`)).json().version).toBe(1);

    const deployed = await call('PUT', `/api/pipelines/${id}`, { pipeline: statsPipeline('30d'), baseRevision: plan.revision });
    expect(deployed.json()).toMatchObject({ version: 2, changed: true });
    const status = await statusOf();
    expect(status).toMatchObject({ version: 2, stores: { kept: [], reset: ['courseStats'] } });
  });

  it('refuses a plan the deploy would refuse: invalid (422), stale (409), malformed (400)', async () => {
    expect((await call('POST', `/api/pipelines/${id}/plan`, { pipeline: { ...statsPipeline(), edges: [] } })).statusCode).toBe(422);
    expect((await call('POST', `/api/pipelines/${id}/plan`, { pipeline: statsPipeline(), baseRevision: 1 })).statusCode).toBe(409);
    const malformed = await call('POST', `/api/pipelines/${id}/plan`, { pipline: statsPipeline() });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('invalid-request');
  });

  it('plans and performs a rollback to version 1 as version 3, resetting the window to the old config', async () => {
    const plan = (await call('POST', `/api/pipelines/${id}/plan`, { rollbackTo: 1 })).json() as DeployPlan;
    expect(plan).toMatchObject({ currentVersion: 2, nextVersion: 3 });
    expect(plan.diff.nodes.changed[0]?.config).toEqual([{ path: '/windows/0/size', before: '30d', after: '90d' }]);

    const revision = (await call('GET', `/api/pipelines/${id}`)).json().revision as number;
    const rolledBack = await call('POST', `/api/pipelines/${id}/rollback`, { version: 1, baseRevision: revision });
    expect(rolledBack.statusCode).toBe(200);
    expect(rolledBack.json()).toMatchObject({ version: 3, changed: true });
    const current = (await call('GET', `/api/pipelines/${id}`)).json();
    expect(current.pipeline.nodes[1].config.windows[0].size).toBe('90d');
    expect((await statusOf()).version).toBe(3);
    const versions = (await call('GET', `/api/pipelines/${id}/versions`)).json().versions as { version: number }[];
    expect(versions.map((v) => v.version)).toEqual([3, 2, 1]);
  });

  it('answers 404 for a version the history does not keep, 409 for a stale rollback', async () => {
    const missing = await call('POST', `/api/pipelines/${id}/rollback`, { version: 42 });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('version-not-found');
    expect((await call('POST', `/api/pipelines/${id}/rollback`, { version: 1, baseRevision: 1 })).statusCode).toBe(409);
  });

  it('asks for the token on both when API_TOKEN is set', async () => {
    const guarded = await buildServer({ control: runtime.control, apiToken: 'sesame' });
    try {
      const plan = await guarded.inject({ method: 'POST', url: `/api/pipelines/${id}/plan`, payload: { rollbackTo: 1 } });
      expect(plan.statusCode).toBe(401);
      const rollback = await guarded.inject({
        method: 'POST',
        url: `/api/pipelines/${id}/rollback`,
        headers: { authorization: 'Bearer sesame' },
        payload: { version: 2 },
      });
      expect(rollback.statusCode).toBe(200);
      // Closing the runtime while a version is still provisioning would wait for it; let it come up first.
      expect(await statusOf()).toMatchObject({ state: 'running', version: 4 });
    } finally {
      await guarded.close();
    }
  });
});
