// A pipeline of a user's own, built only from the catalog (product ratings: source.http → filter → window →
// view.http, with the window's input and output kept in PostgreSQL), deployed through the API on the real broker
// and PostgreSQL: records posted to its path, its view read back exactly, from this runtime and from a second
// runtime process; a second pipeline claiming its path refused; `sluice verify` holding the window to its batch SQL.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AssembledRuntime, assembleRuntime } from '../../runtime/cli/assemble.ts';
import { buildServer } from '../../runtime/http/server.ts';
import { testKafka, uniqueName } from '../setup/kafka.ts';
import { exitOf, killSpawned, repoRoot, spawnSluice } from '../setup/processes.ts';

const suffix = uniqueName('ratings').replaceAll('-', '_');
const pipelinesTopic = uniqueName('pipelines');
const DAY = 86_400_000;

const ratingSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 64 },
    sku: { type: 'string', minLength: 1, maxLength: 32 },
    stars: { type: 'integer', minimum: 1, maximum: 5 },
    comment: { type: 'string', maxLength: 2000, format: 'multiline' },
    at: { type: 'string', format: 'date-time' },
  },
  required: ['id', 'sku', 'stars', 'at'],
};

const productRatings = {
  format: 1,
  id: 'product-ratings',
  name: 'Product ratings',
  nodes: [
    {
      id: 'ratings',
      type: 'source.http',
      config: {
        path: '/api/ratings',
        keyField: 'id',
        eventTimeField: 'at',
        schema: ratingSchema,
        allowDelete: true,
        noun: { one: 'rating', many: 'ratings' },
      },
    },
    { id: 'realProducts', type: 'filter', config: { expression: '!sku.startsWith("test-")' } },
    { id: 'history', type: 'sink.postgres', config: { table: `ratings_${suffix}`, primaryKey: ['id'] } },
    {
      id: 'productStats',
      type: 'window',
      config: {
        keyField: 'sku',
        eventTimeField: 'at',
        idField: 'id',
        windows: [
          { name: 'allTime', type: 'all-time' },
          { name: 'lastWeek', type: 'sliding', size: '7d' },
        ],
        aggregates: [
          { name: 'count', fn: 'count' },
          { name: 'averageStars', fn: 'avg', field: 'stars' },
        ],
      },
    },
    { id: 'statsTable', type: 'sink.postgres', config: { table: `product_stats_${suffix}`, primaryKey: ['sku'] } },
    {
      id: 'productView',
      type: 'view.http',
      config: {
        path: '/api/products/{sku}/stats',
        keyField: 'sku',
        noun: { one: 'product', many: 'products' },
        title: 'Product statistics',
      },
    },
  ],
  edges: [
    { from: { node: 'ratings', port: 'out' }, to: { node: 'realProducts', port: 'in' } },
    { from: { node: 'realProducts', port: 'out' }, to: { node: 'history', port: 'in' } },
    { from: { node: 'realProducts', port: 'out' }, to: { node: 'productStats', port: 'in' } },
    { from: { node: 'productStats', port: 'out' }, to: { node: 'statsTable', port: 'in' } },
    { from: { node: 'productStats', port: 'out' }, to: { node: 'productView', port: 'in' } },
  ],
};

let runtime: AssembledRuntime;
let app: FastifyInstance;
let db: pg.Pool;
beforeAll(async () => {
  runtime = await assembleRuntime({
    brokers: inject('kafkaBrokers'),
    topics: { pipelines: pipelinesTopic },
    env: { ...process.env, DATABASE_URL: inject('databaseUrl') },
  });
  app = await buildServer({ control: runtime.control });
  db = new pg.Pool({ connectionString: inject('databaseUrl') });
  db.on('error', () => {});
});
afterAll(async () => {
  killSpawned();
  await app?.close();
  await runtime?.close();
  await db?.end();
});

const call = (method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method, url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });

async function until<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 250));
    value = await probe();
  }
  return value;
}

const now = Date.now();
const at = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();
const rating = (id: string, sku: string, stars: number, daysAgo: number) => ({ id, sku, stars, at: at(daysAgo) });

// p1: r1 (4, today), r2 (2 → edited to 5, 3 days ago), r3 (1, 10 days ago: all time only); p2: r4 (3, 1 day ago), r5 deleted.
const expectedP1 = { sku: 'p1', allTime: { count: 3, averageStars: (4 + 5 + 1) / 3 }, lastWeek: { count: 2, averageStars: 4.5 } };
const expectedP2 = { sku: 'p2', allTime: { count: 1, averageStars: 3 }, lastWeek: { count: 1, averageStars: 3 } };

describe("a user's own pipeline, from HTTP in to REST out", () => {
  it('deploys through the API and takes records at its path: 400 naming each bad field, 202 once durable', async () => {
    const deployed = await call('PUT', '/api/pipelines/product-ratings', { pipeline: productRatings });
    expect(deployed.statusCode, deployed.body).toBe(200);
    await until(
      () => call('GET', '/api/pipelines/product-ratings/status'),
      (response) => response.json().state === 'running',
    );
    const bad = await call('POST', '/api/ratings', { id: 'x', sku: 'p1', stars: 9, at: 'tomorrow', extra: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid-rating');
    expect(bad.json().error.message).toBe('The rating has invalid fields.');
    expect(
      bad
        .json()
        .error.details.map((detail: { path: string }) => detail.path)
        .sort(),
    ).toEqual(['/at', '/extra', '/stars']);

    expect((await call('POST', '/api/ratings', rating('r1', 'p1', 4, 0))).json()).toEqual({ id: 'r1' });
    const batch = await call('POST', '/api/ratings:batch', {
      ratings: [
        rating('r2', 'p1', 2, 3),
        rating('r3', 'p1', 1, 10),
        rating('r4', 'p2', 3, 1),
        rating('r5', 'p2', 5, 1),
        rating('t1', 'test-sku', 5, 0),
      ],
    });
    expect(batch.statusCode).toBe(202);
    expect(batch.json()).toMatchObject({ accepted: 5, rejected: 0 });
    expect((await call('POST', '/api/ratings', rating('r2', 'p1', 5, 3))).statusCode).toBe(202); // an edit
    expect((await call('DELETE', '/api/ratings/r5')).json()).toEqual({ id: 'r5', deleted: true });
  });

  it('serves its view: the figures exactly, several keys at once, 404 for an unknown key, 304 for what the client has', async () => {
    const one = await until(
      () => call('GET', '/api/products/p1/stats'),
      (response) => response.statusCode === 200 && response.json().allTime.count === 3 && response.json().lastWeek.averageStars === 4.5,
    );
    const { asOf, ...figures } = one.json();
    expect(figures).toEqual(expectedP1);
    expect(Date.parse(asOf)).toBeGreaterThan(now - 60_000);
    expect(one.headers['sluice-processing-time']).toMatch(/^\d{4}-/);
    expect(one.headers.etag).toMatch(/^"/);
    expect((await call('GET', '/api/products/p1/stats', undefined, { 'if-none-match': String(one.headers.etag) })).statusCode).toBe(304);

    const p2 = await until(
      () => call('GET', '/api/products/p2/stats'),
      (response) => response.statusCode === 200 && response.json().allTime.count === 1,
    );
    expect({ ...p2.json(), asOf: undefined }).toEqual({ ...expectedP2, asOf: undefined });
    const many = await call('GET', '/api/products/stats?keys=p1,test-sku,none');
    expect(many.json().products.map((product: { sku: string; missing?: true }) => [product.sku, product.missing ?? false])).toEqual([
      ['p1', false],
      ['test-sku', true],
      ['none', true],
    ]);
    const unknown = await call('GET', '/api/products/none/stats');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toEqual({ code: 'product-not-found', message: "No product 'none' has a value.", details: [] });
  });

  it('refuses a second pipeline that claims its path, naming both', async () => {
    const copy = {
      ...productRatings,
      id: 'ratings-copy',
      nodes: productRatings.nodes.map((node) =>
        node.id === 'productView' ? { ...node, config: { ...node.config, path: '/api/copies/{sku}' } } : node,
      ),
    };
    const refused = await call('PUT', '/api/pipelines/ratings-copy', { pipeline: copy });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details).toContainEqual(
      expect.objectContaining({
        code: 'route-taken',
        message:
          "POST /api/ratings is already served by pipeline 'product-ratings' (node 'ratings'); pipeline 'ratings-copy' (node 'ratings') cannot serve it too: give one of them another path",
      }),
    );
    expect((await call('GET', '/api/pipelines/ratings-copy')).statusCode).toBe(404);
  });

  it('serves the same view from a second runtime process, from its own replica', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sluice-second-')), 'product-ratings.json');
    writeFileSync(file, JSON.stringify(productRatings));
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'bench/runtime-child.ts')], {
      cwd: repoRoot,
      env: {
        ...process.env,
        KAFKA_BROKERS: inject('kafkaBrokers').join(','),
        DATABASE_URL: inject('databaseUrl'),
        SLUICE_DATA_DIR: mkdtempSync(join(tmpdir(), 'sluice-second-data-')),
        BENCH_PIPELINE_FILE: file,
        BENCH_TOPICS: JSON.stringify({ pipelines: pipelinesTopic }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const address = await new Promise<string>((done, fail) => {
        const timer = setTimeout(() => fail(new Error('the second runtime did not start')), 120_000);
        createInterface({ input: child.stdout }).on('line', (line) => {
          const found = /"address":"([^"]+)"/.exec(line)?.[1];
          if (found) {
            clearTimeout(timer);
            done(found);
          }
        });
      });
      const read = async () => {
        const response = await fetch(`${address}/api/products/p1/stats`);
        return { status: response.status, body: (await response.json()) as Record<string, unknown> };
      };
      const answer = await until(read, (response) => response.status === 200 && (response.body.allTime as { count: number }).count === 3);
      const { asOf: _, ...figures } = answer.body;
      expect(figures).toEqual(expectedP1);
    } finally {
      child.kill('SIGTERM');
      await exitOf(child);
    }
  });

  it('passes `sluice verify` against the batch SQL of its window, and fails naming the key whose figure is altered', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sluice-verify-')), 'product-ratings.json');
    writeFileSync(file, JSON.stringify(productRatings));
    const env = { KAFKA_BROKERS: inject('kafkaBrokers').join(','), DATABASE_URL: inject('databaseUrl') };
    const verify = () => spawnSluice(['verify', '--pipeline', file, '--window', 'productStats'], env);
    await until(
      async () =>
        (await db.query(`SELECT count(*)::int AS n FROM "product_stats_${suffix}"`).catch(() => ({ rows: [{ n: 0 }] }))).rows[0].n,
      (n) => n === 2,
    );
    const agreeing = verify();
    expect(await exitOf(agreeing.child), agreeing.output()).toBe(0);
    expect(agreeing.output()).toContain(
      `ok: the stream agrees with the batch (table product_stats_${suffix}, topic sluice.product-ratings.productView)`,
    );

    await db.query(
      `UPDATE "product_stats_${suffix}" SET "lastWeek" = jsonb_set("lastWeek", '{averageStars}', to_jsonb(1.5)) WHERE sku = 'p2'`,
    );
    const differing = verify();
    expect(await exitOf(differing.child)).toBe(1);
    expect(differing.output()).toContain(
      `table product_stats_${suffix} p2: stream {"lastWeek.averageStars":1.5} batch {"lastWeek.averageStars":3}`,
    );
    expect(differing.output()).toContain('1 differences');
  });

  it('stops serving its paths once deleted, and keeps the records clients were told are stored', async () => {
    expect((await call('DELETE', '/api/pipelines/product-ratings')).statusCode).toBe(204);
    const gone = await until(
      () => call('POST', '/api/ratings', rating('r9', 'p1', 3, 0)),
      (response) => response.statusCode === 404,
    );
    expect(gone.json().error.code).toBe('not-found');
    const admin = testKafka().admin();
    await admin.connect();
    const topics = await until(
      () => admin.listTopics(),
      (names) => !names.some((name) => name.endsWith('.changelog') && name.startsWith('sluice.product-ratings.')),
    );
    await admin.disconnect();
    // Its ingest topic (named after it by default) and its view's topic are data, not internals: they stay unless asked.
    expect(topics).toEqual(expect.arrayContaining(['sluice.product-ratings.ratings', 'sluice.product-ratings.productView']));
    expect(topics.filter((name) => name.startsWith('sluice.product-ratings.') && name.endsWith('.changelog'))).toEqual([]);
  });
});
