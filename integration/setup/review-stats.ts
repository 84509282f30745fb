// Helpers for running pipelines/review-stats.json in tests on its own topics and database.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Admin, Kafka } from 'kafkajs';
import pg from 'pg';
import { corpusTexts } from '../../bench/corpus-texts.ts';
import { defaultTraffic, generateTraffic, type LoadOperation } from '../../bench/load/traffic.ts';
import { KafkaReviewWriter } from '../../runtime/kafka/review-writer.ts';
import { batchStats } from '../../runtime/postgres/batch-stats.ts';
import { compareStats, type StatsDifference, tableStats } from '../../runtime/postgres/verify-stats.ts';
import { type Pipeline, validatePipeline } from '../../shared/index.ts';
import { repoRoot } from './processes.ts';

/** review-stats.json with its topics and id suffixed, so a run has a cluster of its own. */
export function reviewStatsPipeline(suffix: string): Pipeline {
  let text = readFileSync(join(repoRoot, 'pipelines/review-stats.json'), 'utf8');
  for (const topic of ['reviews', 'reviews-valid', 'reviews-spam', 'course-stats']) {
    text = text.replaceAll(`"topic": "${topic}"`, `"topic": "${topic}-${suffix}"`);
  }
  text = text.replace('"id": "review-stats"', `"id": "review-stats-${suffix}"`);
  const result = validatePipeline(JSON.parse(text));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.pipeline;
}

/** A database of its own (the oracle reads fixed table names). */
export async function freshDatabase(serverUrl: string, name: string): Promise<{ url: string; db: pg.Pool }> {
  const server = new pg.Pool({ connectionString: serverUrl });
  await server.query(`CREATE DATABASE ${name}`);
  await server.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = new pg.Pool({ connectionString: url.toString() });
  db.on('error', () => {});
  return { url: url.toString(), db };
}

export async function reviewTraffic(count: number, seed: number): Promise<LoadOperation[]> {
  return [
    ...generateTraffic({
      ...defaultTraffic(await corpusTexts()),
      seed,
      count,
      courses: 150,
      users: 400,
      disorderMs: 30 * 24 * 3600 * 1000,
    }),
  ];
}

export async function writeTraffic(kafka: Kafka, admin: Admin, topic: string, operations: LoadOperation[]): Promise<void> {
  const writer = new KafkaReviewWriter(kafka, { topic, partitions: 3 });
  await writer.ensureTopic(admin);
  for (let start = 0; start < operations.length; start += 500) {
    await writer.apply(operations.slice(start, start + 500).map((op) => (op.kind === 'put' ? { review: op.review } : { deleteId: op.id })));
  }
  await writer.close();
}

/** Waits until `read` gives the same answer for `quietMs`. */
export async function quiet(read: () => Promise<string>, quietMs: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
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

export async function tableCounts(db: pg.Pool): Promise<string> {
  const counts = await db
    .query('SELECT (SELECT count(*) FROM course_stats) AS courses, (SELECT count(*) FROM reviews_valid) AS reviews')
    .catch(() => ({ rows: [] }));
  return JSON.stringify(counts.rows);
}

export async function streamVersusBatch(db: pg.Pool): Promise<StatsDifference[]> {
  return compareStats('course_stats', await tableStats(db), await batchStats(db, new Date()));
}

export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check()) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 250));
}
