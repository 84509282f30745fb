// The product's promise on the real broker and PostgreSQL: generated review
// traffic (spam, duplicates, edits that move reviews between courses, deletes,
// shuffled arrival) through pipelines/review-stats.json, and the stream's
// course statistics equal what the legacy batch SQL computes from reviews_valid.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { corpusTexts } from '../../bench/corpus-texts.ts';
import { defaultTraffic, generateTraffic } from '../../bench/load/traffic.ts';
import { readPipelineResource } from '../../runtime/cli/resources.ts';
import { RECORDS_IN, total } from '../../runtime/engine/metrics.ts';
import { PipelineRunner } from '../../runtime/kafka/pipeline-runner.ts';
import { KafkaReviewWriter } from '../../runtime/kafka/review-writer.ts';
import { batchStats } from '../../runtime/postgres/batch-stats.ts';
import { PostgresSinks } from '../../runtime/postgres/sink-executor.ts';
import { compareStats, tableStats } from '../../runtime/postgres/verify-stats.ts';
import { validatePipeline } from '../../shared/index.ts';
import { testKafka, uniqueName } from '../setup/kafka.ts';
import { repoRoot } from '../setup/processes.ts';

const kafka = testKafka();
const admin = kafka.admin();
const database = `review_stats_${Date.now()}`;
let db: pg.Pool;
let databaseUrl: string;

beforeAll(async () => {
  await admin.connect();
  const server = new pg.Pool({ connectionString: inject('databaseUrl') });
  await server.query(`CREATE DATABASE ${database}`);
  await server.end();
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/${database}`;
  databaseUrl = url.toString();
  db = new pg.Pool({ connectionString: databaseUrl });
});
afterAll(async () => {
  await db?.end();
  await admin.disconnect();
});

/** review-stats.json with its topics renamed, so this run has a cluster of its own. */
function reviewStats(suffix: string) {
  const text = readFileSync(join(repoRoot, 'pipelines/review-stats.json'), 'utf8')
    .replaceAll('"topic": "reviews"', `"topic": "reviews-${suffix}"`)
    .replaceAll('"topic": "reviews-valid"', `"topic": "reviews-valid-${suffix}"`)
    .replaceAll('"topic": "reviews-spam"', `"topic": "reviews-spam-${suffix}"`)
    .replaceAll('"topic": "course-stats"', `"topic": "course-stats-${suffix}"`)
    .replace('"id": "review-stats"', `"id": "review-stats-${suffix}"`);
  const result = validatePipeline(JSON.parse(text));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.pipeline;
}

async function settled(read: () => Promise<string>, quietMs = 12_000, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  if (quietMs <= 1) {
    while (last !== 'true' && Date.now() < deadline) {
      await new Promise((done) => setTimeout(done, 250));
      last = await read();
    }
    return;
  }
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 500));
    const now = await read();
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= quietMs) return;
  }
}

describe('review-stats on Kafka and PostgreSQL', () => {
  it('agrees with the batch SQL after spam, duplicates, edits, deletes and shuffled arrival', async () => {
    const suffix = uniqueName('rs');
    const pipeline = reviewStats(suffix);
    const writer = new KafkaReviewWriter(kafka, { topic: `reviews-${suffix}`, partitions: 3 });
    await writer.ensureTopic(admin);
    const operations = [
      ...generateTraffic({
        ...defaultTraffic(await corpusTexts()),
        seed: 11,
        count: 4000,
        courses: 150,
        users: 400,
        disorderMs: 30 * 24 * 3600 * 1000,
      }),
    ];
    for (let start = 0; start < operations.length; start += 500) {
      await writer.apply(
        operations.slice(start, start + 500).map((op) => (op.kind === 'put' ? { review: op.review } : { deleteId: op.id })),
      );
    }
    await writer.close();

    const sinks = new PostgresSinks({ ...process.env, DATABASE_URL: databaseUrl });
    const runner = new PipelineRunner(kafka, admin, pipeline, { executeSinks: sinks.execute, readResource: readPipelineResource });
    await runner.start();
    // Every operation read at the source, then everything downstream quiet.
    await settled(async () => String(total(runner.metrics.snapshot(), RECORDS_IN, { node: 'reviews' }) >= operations.length), 1, 180_000);
    expect(total(runner.metrics.snapshot(), RECORDS_IN, { node: 'reviews' })).toBeGreaterThanOrEqual(operations.length);
    await settled(async () =>
      JSON.stringify(
        await db
          .query('SELECT count(*), sum(("allTime"->>\'count\')::int) FROM course_stats')
          .catch(() => ({ rows: [] }))
          .then((r) => r.rows),
      ),
    );
    const differences = compareStats('course_stats', await tableStats(db), await batchStats(db, new Date()));
    await runner.stop();
    await sinks.close();
    expect(differences.slice(0, 5)).toEqual([]);
    const valid = await db.query('SELECT count(*)::int AS n FROM reviews_valid');
    expect(valid.rows[0].n).toBeGreaterThan(operations.length / 2);
  }, 240_000);
});
