// Contract tests of the pipeline and course-stats routes, on the real broker and PostgreSQL.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AssembledRuntime, assembleRuntime } from '../../runtime/cli/assemble.ts';
import { buildServer } from '../../runtime/http/server.ts';
import { uniqueName } from '../setup/kafka.ts';
import { courseStatsEndpoint, reviewsEndpoint } from '../setup/review-endpoints.ts';

const id = uniqueName('stats');
const reviewsTopic = uniqueName('reviews');
const statsTopic = uniqueName('course-stats');

function statsPipeline(overrides: { x?: number; windowSize?: string } = {}) {
  return {
    format: 1,
    id,
    name: 'Course stats without spam filtering',
    nodes: [
      reviewsEndpoint('reviews', reviewsTopic),
      {
        id: 'courseStats',
        type: 'window',
        config: {
          keyField: 'courseId',
          eventTimeField: 'createdAt',
          idField: 'id',
          windows: [
            { name: 'allTime', type: 'all-time' },
            { name: 'last90Days', type: 'sliding', size: overrides.windowSize ?? '90d' },
          ],
          aggregates: [
            { name: 'count', fn: 'count' },
            { name: 'averageRating', fn: 'avg', field: 'rating' },
          ],
        },
      },
      courseStatsEndpoint('statsTopic', statsTopic),
    ],
    edges: [
      { from: { node: 'reviews', port: 'out' }, to: { node: 'courseStats', port: 'in' } },
      { from: { node: 'courseStats', port: 'out' }, to: { node: 'statsTopic', port: 'in' } },
    ],
    layout: { nodes: { reviews: { x: overrides.x ?? 0, y: 0 }, courseStats: { x: 260, y: 0 }, statsTopic: { x: 520, y: 0 } } },
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

const call = (method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
  app.inject({ method, url, ...(payload !== undefined ? { payload: payload as object } : {}) });

async function until<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 200));
    value = await probe();
  }
  return value;
}

const status = async () =>
  (await call('GET', `/api/pipelines/${id}/status`)).json() as { state: string; reason?: string; version?: number; stores?: unknown };

describe('the pipeline API', () => {
  it('answers 404 for a pipeline never deployed, and validates without deploying (200 either way)', async () => {
    const missing = await call('GET', `/api/pipelines/${id}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('pipeline-not-found');
    const valid = await call('POST', '/api/pipelines/validate', statsPipeline());
    expect(valid.statusCode).toBe(200);
    expect(valid.json()).toEqual({ ok: true, issues: [] });
    const invalid = await call('POST', '/api/pipelines/validate', { ...statsPipeline(), edges: [] });
    expect(invalid.statusCode).toBe(200);
    expect(invalid.json().ok).toBe(false);
    expect(invalid.json().issues.length).toBeGreaterThan(0);
  });

  it('deploys a version, runs it, and serves live course stats computed by it', async () => {
    const deployed = await call('PUT', `/api/pipelines/${id}`, { pipeline: statsPipeline() });
    expect(deployed.statusCode).toBe(200);
    expect(deployed.json()).toMatchObject({ version: 1, revision: 1, changed: true });
    expect((await until(status, (s) => s.state === 'running')).state).toBe('running');

    const createdAt = new Date().toISOString();
    for (const [reviewId, rating] of [
      ['a', 4],
      ['b', 5],
    ] as const) {
      expect((await call('POST', '/api/reviews', { id: reviewId, courseId: 'c-api', userId: 'u', rating, createdAt })).statusCode).toBe(
        202,
      );
    }
    const stats = await until(
      () => call('GET', '/api/courses/c-api/stats'),
      (response) => response.statusCode === 200 && response.json().allTime.count === 2,
    );
    expect(stats.json()).toMatchObject({
      courseId: 'c-api',
      allTime: { count: 2, averageRating: 4.5 },
      last90Days: { count: 2, averageRating: 4.5 },
    });
    const page = await call('GET', '/api/courses/stats?ids=c-api,never');
    expect(page.json().courses).toEqual([expect.objectContaining({ courseId: 'c-api' }), { courseId: 'never', missing: true }]);
    expect((await call('GET', '/api/courses/never/stats')).statusCode).toBe(404);
    expect((await call('GET', '/api/courses/stats')).statusCode).toBe(400);

    // The figures are the cluster's, sampled once a second from the counters the tasks committed.
    type Figures = { rateWindowSeconds: number; nodes: Record<string, { in: { total: number } }> };
    const metrics = await until(
      () => call('GET', `/api/pipelines/${id}/metrics`),
      (response) => ((response.json() as Figures).nodes.courseStats?.in.total ?? 0) >= 2,
    );
    expect((metrics.json() as Figures).nodes.courseStats?.in.total).toBe(2);
    expect((metrics.json() as Figures).rateWindowSeconds).toBe(10);
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const stream = await fetch(`${address}/api/pipelines/${id}/metrics/stream`);
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    const reader = stream.body?.getReader();
    const first = new TextDecoder().decode((await reader?.read())?.value);
    expect(first).toMatch(/^data: \{"pipelineId":/);
    await reader?.cancel();
    const tap = await call('GET', `/api/pipelines/${id}/tap/courseStats/out?limit=5`);
    expect(tap.json().records.length).toBeGreaterThan(0);
    expect((await call('GET', `/api/pipelines/${id}/tap/nope/out`)).statusCode).toBe(404);
  });

  it('refuses an invalid version with 422 and its issues, and the running version keeps running', async () => {
    const broken = structuredClone(statsPipeline()) as unknown as { nodes: { config: Record<string, unknown> }[] };
    const window = broken.nodes[1];
    if (window) window.config.windows = [];
    const response = await call('PUT', `/api/pipelines/${id}`, { pipeline: broken });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('invalid-pipeline');
    expect(response.json().error.details[0].path).toMatch(/^\/nodes\/1\/config\/windows/);
    expect((await status()).state).toBe('running');
    expect((await call('GET', `/api/pipelines/${id}`)).json().version).toBe(1);
  });

  it('treats a layout-only edit as no change, and answers 409 to a deploy based on a stale revision', async () => {
    const moved = await call('PUT', `/api/pipelines/${id}`, { pipeline: statsPipeline({ x: 40 }), baseRevision: 1 });
    expect(moved.json()).toMatchObject({ version: 1, revision: 2, changed: false });
    const stale = await call('PUT', `/api/pipelines/${id}`, { pipeline: statsPipeline({ windowSize: '30d' }), baseRevision: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('revision-conflict');
  });

  it('deploys a new version that keeps unchanged state and resets the changed window, with history', async () => {
    const next = await call('PUT', `/api/pipelines/${id}`, { pipeline: statsPipeline({ windowSize: '30d' }), baseRevision: 2 });
    expect(next.json()).toMatchObject({ version: 2, changed: true });
    const running = await until(status, (s) => s.state === 'running' && s.version === 2);
    expect(running.stores).toEqual({ kept: [], reset: ['courseStats'] });
    const versions = (await call('GET', `/api/pipelines/${id}/versions`)).json().versions as { version: number }[];
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
  });

  it('stops, starts and deletes', async () => {
    expect((await call('POST', `/api/pipelines/${id}/stop`)).statusCode).toBe(200);
    expect((await until(status, (s) => s.state === 'stopped')).state).toBe('stopped');
    expect((await call('POST', `/api/pipelines/${id}/start`)).statusCode).toBe(200);
    expect((await until(status, (s) => s.state === 'running')).state).toBe('running');
    const list = (await call('GET', '/api/pipelines')).json().pipelines as { id: string }[];
    expect(list.map((p) => p.id)).toContain(id);
    expect((await call('DELETE', `/api/pipelines/${id}`)).statusCode).toBe(204);
    expect((await call('GET', `/api/pipelines/${id}`)).statusCode).toBe(404);
    expect((await call('POST', `/api/pipelines/${id}/stop`)).statusCode).toBe(404);
  });

  it('serves Prometheus metrics', async () => {
    const response = await call('GET', '/metrics');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toContain('# TYPE sluice_records_in_total counter');
    expect(response.body).toContain('# TYPE sluice_processing_time_ms histogram');
    expect(response.body).toMatch(/sluice_kafka_fetches_total\{consumer="pipeline"\} \d+/);
  });
});
