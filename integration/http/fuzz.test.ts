// Every bad input a 4xx, on every route, against the assembled runtime on the real broker: seeded, bounded
// request generators per route; then no 5xx was seen, every 4xx had the error shape with a message, the server
// is healthy, the reviews topic holds exactly what was answered 202 and nothing invalid.
import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AssembledRuntime, assembleRuntime } from '../../runtime/cli/assemble.ts';
import { buildServer } from '../../runtime/http/server.ts';
import { LATEST_EVENT_TIME } from '../../shared/api/event-time.ts';
import { parseReview, reviewIdSchema } from '../../shared/api/review.ts';
import { batchBodies, type FuzzBody, ignoredBodies, pipelineBodies, reviewBodies } from '../setup/fuzz-bodies.ts';
import { limitQuery, oddSegment, statsQuery } from '../setup/fuzz-urls.ts';
import { sendRawRequests } from '../setup/fuzz-wire.ts';
import { testKafka, uniqueName } from '../setup/kafka.ts';
import { courseStatsEndpoint, reviewsEndpoint } from '../setup/review-endpoints.ts';

const reviewsTopic = uniqueName('fuzz-reviews');
const liveId = uniqueName('fuzz-live');
const idPrefix = `${uniqueName('f')}-`;
const farFuture = Date.parse(LATEST_EVENT_TIME);

const livePipeline = {
  format: 1,
  id: liveId,
  name: 'Fuzz target',
  nodes: [
    { id: 'reviews', type: 'source.kafka', config: { topic: uniqueName('fuzz-in'), format: 'json', keyField: 'id' } },
    { id: 'copy', type: 'sink.kafka', config: { topic: uniqueName('fuzz-out'), keyField: 'id' } },
  ],
  edges: [{ from: { node: 'reviews', port: 'out' }, to: { node: 'copy', port: 'in' } }],
};

// The review API as review-stats serves it: its source.http and view.http nodes, around a window.
const apiPipeline = {
  format: 1,
  id: uniqueName('fuzz-api'),
  name: 'Fuzzed review API',
  nodes: [
    reviewsEndpoint('reviews', reviewsTopic),
    {
      id: 'courseStats',
      type: 'window',
      config: {
        keyField: 'courseId',
        eventTimeField: 'createdAt',
        idField: 'id',
        windows: [{ name: 'allTime', type: 'all-time' }],
        aggregates: [{ name: 'count', fn: 'count' }],
      },
    },
    courseStatsEndpoint('stats', uniqueName('fuzz-stats')),
  ],
  edges: [
    { from: { node: 'reviews', port: 'out' }, to: { node: 'courseStats', port: 'in' } },
    { from: { node: 'courseStats', port: 'out' }, to: { node: 'stats', port: 'in' } },
  ],
};

interface FuzzRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  body?: FuzzBody;
}

const notLive = oddSegment.map((id) => (id === liveId || id === 'generated' ? `${id}-not` : id));
const withBody = (method: FuzzRequest['method'], url: (id: string) => string, ids = notLive, bodies = ignoredBodies) =>
  fc.tuple(ids, bodies).map(([id, body]): FuzzRequest => ({ method, url: url(id), body }));

const routes: { name: string; runs: number; requests: fc.Arbitrary<FuzzRequest> }[] = [
  {
    name: 'POST /api/reviews',
    runs: 3000,
    requests: reviewBodies(idPrefix).map((body) => ({ method: 'POST', url: '/api/reviews', body })),
  },
  {
    name: 'POST /api/reviews:batch',
    runs: 2000,
    requests: batchBodies(idPrefix).map((body) => ({ method: 'POST', url: '/api/reviews:batch', body })),
  },
  { name: 'DELETE /api/reviews/:id', runs: 2000, requests: withBody('DELETE', (id) => `/api/reviews/${idPrefix}${id}`) },
  {
    name: 'GET /api/courses/:courseId/stats',
    runs: 1500,
    requests: notLive.map((id) => ({ method: 'GET', url: `/api/courses/${id}/stats` })),
  },
  {
    name: 'GET /api/courses/stats',
    runs: 1500,
    requests: statsQuery.map((query) => ({ method: 'GET', url: `/api/courses/stats${query}` })),
  },
  {
    name: 'POST /api/pipelines/validate',
    runs: 2000,
    requests: fc
      .tuple(fc.constantFrom('/api/pipelines/validate', '/api/pipelines:validate'), pipelineBodies)
      .map(([url, body]) => ({ method: 'POST', url, body })),
  },
  {
    name: 'PUT /api/pipelines/:id',
    runs: 2000,
    requests: fc.oneof(
      { weight: 4, arbitrary: withBody('PUT', (id) => `/api/pipelines/${id}`, notLive, pipelineBodies) },
      // The deployed pipeline again (no new version), with whatever baseRevision: 200 or 409, never a restart.
      {
        weight: 1,
        arbitrary: fc.jsonValue({ maxDepth: 1 }).map((baseRevision) => ({
          method: 'PUT' as const,
          url: `/api/pipelines/${liveId}`,
          body: { contentType: 'application/json', payload: JSON.stringify({ pipeline: livePipeline, baseRevision }) },
        })),
      },
    ),
  },
  { name: 'POST /api/pipelines/:id/stop', runs: 1000, requests: withBody('POST', (id) => `/api/pipelines/${id}/stop`) },
  { name: 'POST /api/pipelines/:id/start', runs: 1000, requests: withBody('POST', (id) => `/api/pipelines/${id}/start`) },
  { name: 'DELETE /api/pipelines/:id', runs: 1500, requests: withBody('DELETE', (id) => `/api/pipelines/${id}`) },
  {
    name: 'GET /api/pipelines/:id/tap/:node/:port',
    runs: 1500,
    requests: fc
      .tuple(fc.oneof(fc.constant(liveId), notLive), fc.oneof(fc.constantFrom('reviews', 'copy'), oddSegment), oddSegment, limitQuery)
      .map(([id, node, port, query]) => ({ method: 'GET', url: `/api/pipelines/${id}/tap/${node}/${port}${query}` })),
  },
  {
    name: 'GET /api/pipelines/:id/metrics (and status, versions, definition)',
    runs: 1000,
    requests: fc
      .tuple(fc.oneof(fc.constant(liveId), notLive), fc.constantFrom('/metrics', '/status', '/versions', '', '/metrics/stream'))
      .filter(([id, what]) => !(id === liveId && what === '/metrics/stream'))
      .map(([id, what]) => ({ method: 'GET', url: `/api/pipelines/${id}${what}` })),
  },
  { name: 'GET /metrics', runs: 200, requests: fc.constant({ method: 'GET', url: '/metrics' }) },
];

type Written = { key: string; value: string | null };

/** What the server must have written to the reviews topic for a request it answered 202 or 207. */
function writesOf(request: FuzzRequest, response: LightMyRequestResponse): Written[] {
  if (response.statusCode !== 202 && response.statusCode !== 207) return [];
  if (request.method === 'DELETE') return [{ key: response.json().id, value: null }];
  const text = Buffer.from(request.body?.payload ?? '')
    .toString('utf8')
    .replace(/^\ufeff/, '');
  const document: unknown = JSON.parse(text);
  const items =
    request.url === '/api/reviews' ? [document] : Array.isArray(document) ? document : (document as { reviews: unknown[] }).reviews;
  const accepted =
    request.url === '/api/reviews'
      ? [0]
      : (response.json().results as { index: number; status: number }[]).filter((r) => r.status === 202).map((r) => r.index);
  return accepted.map((index) => {
    const parsed = parseReview(items[index], Date.now());
    if (!parsed.ok) throw new Error(`answered ${response.statusCode} for an item this test finds invalid: ${JSON.stringify(items[index])}`);
    return { key: parsed.review.id, value: JSON.stringify(parsed.review) };
  });
}

function shapeProblem(response: LightMyRequestResponse): string | undefined {
  if (response.statusCode >= 500) return `a ${response.statusCode}: ${response.body.slice(0, 300)}`;
  if (response.statusCode < 400) return undefined;
  let body: { error?: { code?: unknown; message?: unknown; details?: unknown } };
  try {
    body = response.json();
  } catch {
    return `a ${response.statusCode} that is not JSON: ${response.body.slice(0, 200)}`;
  }
  const error = body.error;
  if (typeof error?.code !== 'string' || typeof error.message !== 'string' || !Array.isArray(error.details))
    return `a ${response.statusCode} without {"error":{"code","message","details"}}: ${response.body.slice(0, 200)}`;
  if (error.message.length < 12) return `a ${response.statusCode} whose message says little: ${error.message}`;
  return undefined;
}

let runtime: AssembledRuntime;
let app: FastifyInstance;
beforeAll(async () => {
  runtime = await assembleRuntime({
    brokers: inject('kafkaBrokers'),
    topics: { pipelines: uniqueName('fuzz-pipelines') },
    env: { ...process.env, DATABASE_URL: inject('databaseUrl') },
  });
  // One client sends everything here: the per-client rate limit has its own tests.
  app = await buildServer({ control: runtime.control, ingestRatePerClient: Number.POSITIVE_INFINITY });
  const deployed = await app.inject({ method: 'PUT', url: `/api/pipelines/${liveId}`, payload: { pipeline: livePipeline } });
  expect(deployed.statusCode).toBe(200);
  const api = await app.inject({ method: 'PUT', url: `/api/pipelines/${apiPipeline.id}`, payload: { pipeline: apiPipeline } });
  expect(api.statusCode).toBe(200);
  // The view's replica has read its (empty) topic once it answers a 404 for a course it has no figures for.
  const deadline = Date.now() + 30_000;
  while ((await app.inject({ method: 'GET', url: '/api/courses/none/stats' })).json().error?.code !== 'course-not-found') {
    if (Date.now() > deadline) throw new Error('the course-stats view did not become ready');
    await new Promise((done) => setTimeout(done, 100));
  }
});
afterAll(async () => {
  await app?.close();
  await runtime?.close();
});

async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

describe('the API under fuzzed input', () => {
  const expected: Written[] = [];
  const figures: Record<string, Record<number, number>> = {};
  const timings: Record<string, number> = {};

  it('answers every generated request without a 5xx, and every 4xx in the error shape with a message', async () => {
    // One example of each kind of problem (route and status), so a failure reads as a short list.
    const problems = new Map<string, string>();
    for (const [index, route] of routes.entries()) {
      const seen: Record<number, number> = {};
      figures[route.name] = seen;
      const started = Date.now();
      await inParallel(fc.sample(route.requests, { seed: 1800 + index, numRuns: route.runs }), 16, async (request) => {
        const headers = request.body?.contentType === undefined ? {} : { 'content-type': request.body.contentType };
        const payload = request.body?.payload;
        const response = await app.inject({
          method: request.method,
          url: request.url,
          headers,
          ...(payload === undefined ? {} : { payload }),
        });
        seen[response.statusCode] = (seen[response.statusCode] ?? 0) + 1;
        const problem = shapeProblem(response);
        if (problem)
          problems.set(
            `${route.name} → ${response.statusCode}`,
            `${request.method} ${request.url.slice(0, 120)} (${request.body?.contentType}) got ${problem}`,
          );
        else expected.push(...writesOf(request, response));
      });
      timings[route.name] = Date.now() - started;
    }
    const wire = await sendRawRequests(app, 400, 1900);
    figures['raw HTTP (malformed framing)'] = wire.seen;
    for (const problem of wire.problems) problems.set(`raw: ${problem.slice(0, 60)}`, problem);
    console.log(
      `fuzz figures (bodies per route → status codes):\n${Object.entries(figures)
        .map(([name, seen]) => `  ${name}: ${JSON.stringify(seen)} in ${timings[name] ?? '?'} ms`)
        .join('\n')}`,
    );
    expect([...problems.values()]).toEqual([]);
  });

  it('is healthy afterwards, and still takes a review and the deployed pipeline', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    const review = { id: `${idPrefix}after`, courseId: 'kafka-101', userId: 'u1', rating: 4, createdAt: new Date().toISOString() };
    const posted = await app.inject({ method: 'POST', url: '/api/reviews', payload: review });
    expect(posted.statusCode).toBe(202);
    expected.push({ key: review.id, value: JSON.stringify(parseReview(review, Date.now()).ok ? review : {}) });
    expect((await app.inject({ method: 'GET', url: `/api/pipelines/${liveId}` })).json().pipeline.id).toBe(liveId);
  });

  it('wrote exactly what it answered 202 to, and nothing a sink could not store', async () => {
    const consumer = testKafka().consumer({ groupId: uniqueName('fuzz-check') });
    await consumer.connect();
    const records: Written[] = [];
    await consumer.subscribe({ topic: reviewsTopic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) =>
        void records.push({ key: message.key?.toString() ?? '', value: message.value?.toString() ?? null }),
    });
    const deadline = Date.now() + 30_000;
    while (records.length < expected.length && Date.now() < deadline) await new Promise((done) => setTimeout(done, 100));
    await new Promise((done) => setTimeout(done, 1000)); // anything extra would arrive now
    await consumer.disconnect();
    const sorted = (list: Written[]) => list.map((record) => JSON.stringify(record)).sort();
    expect(records.length).toBe(expected.length);
    expect(sorted(records)).toEqual(sorted(expected));
    for (const record of records) {
      if (record.value === null) expect(reviewIdSchema.safeParse(record.key).success).toBe(true);
      else expect(parseReview(JSON.parse(record.value), farFuture)).toMatchObject({ ok: true, review: { id: record.key } });
    }
    expect(records.length).toBeGreaterThan(500);
  });
});
