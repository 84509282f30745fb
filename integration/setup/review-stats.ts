// Helpers for running pipelines/review-stats.json in tests on its own topics and database.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Admin, Kafka } from 'kafkajs';
import pg from 'pg';
import { corpusTexts } from '../../bench/corpus-texts.ts';
import { asWrites, defaultTraffic, generateTraffic, type LoadOperation } from '../../bench/load/traffic.ts';
import { KafkaRecordWriter } from '../../runtime/kafka/record-writer.ts';
import { fetchTopicEnds } from '../../runtime/kafka/topic-offsets.ts';
import { planWindowBatch } from '../../runtime/postgres/window-batch.ts';
import { batchFigures, compareFigures, type FigureDifference, tableFigures } from '../../runtime/postgres/window-verify.ts';
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

/**
 * Generated traffic over two years of event time. The suite's runs are small; the issue's full
 * size runs with SLUICE_STREAM_BATCH_REVIEWS=100000 (1,000 courses from 50,000 reviews up).
 */
export async function reviewTraffic(defaultCount: number, seed: number): Promise<LoadOperation[]> {
  const count = Number(process.env.SLUICE_STREAM_BATCH_REVIEWS ?? defaultCount);
  return [
    ...generateTraffic({
      ...defaultTraffic(await corpusTexts()),
      seed,
      count,
      courses: count >= 50_000 ? 1000 : 150,
      users: Math.max(400, Math.round(count / 10)),
      disorderMs: 30 * 24 * 3600 * 1000,
    }),
  ];
}

export async function writeTraffic(kafka: Kafka, admin: Admin, topic: string, operations: LoadOperation[]): Promise<void> {
  const writer = new KafkaRecordWriter(kafka, { topic, partitions: 3 });
  await writer.ensureTopic(admin);
  for (let start = 0; start < operations.length; start += 500) {
    await writer.apply(asWrites(operations.slice(start, start + 500)));
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

/** review-stats' window against its batch SQL, in the table course_stats (what `sluice verify` compares). */
export async function streamVersusBatch(db: pg.Pool): Promise<FigureDifference[]> {
  const planned = planWindowBatch(reviewStatsPipeline('verify'), 'courseStats');
  if (!planned.ok) throw new Error(planned.message);
  const output = planned.batch.outputs.find((candidate) => candidate.kind === 'table');
  if (output?.kind !== 'table') throw new Error('review-stats keeps no table of its course statistics');
  return compareFigures(
    `table ${output.table}`,
    planned.batch,
    await tableFigures(db, planned.batch, output),
    await batchFigures(db, planned.batch, new Date()),
  );
}

/** Every review on the source topic has been read and committed by the pipeline's first stage. */
async function sourceConsumed(admin: Admin, groupId: string, topic: string): Promise<boolean> {
  const ends = await fetchTopicEnds(admin, topic);
  const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return ends.every(({ partition, high }) => {
    const done = committed?.partitions.find((entry) => entry.partition === partition)?.offset ?? '-1';
    return Number(done) >= Number(high);
  });
}

/**
 * Waits until the run has settled and answers the comparison then: the source is consumed, the
 * tables have been quiet for a while, and the stream equals the batch (or the time is up, and
 * the differences say what is wrong). Restarted workers may wait a session timeout before they
 * get partitions, so a single quiet period is not proof that the run has finished.
 */
export async function settledComparison(
  admin: Admin,
  db: pg.Pool,
  run: { groupId: string; sourceTopic: string },
  timeoutMs: number,
): Promise<FigureDifference[]> {
  const deadline = Date.now() + timeoutMs;
  let last: FigureDifference[] | Error = new Error('no comparison finished in time');
  while (Date.now() < deadline) {
    await until(() => sourceConsumed(admin, run.groupId, run.sourceTopic).catch(() => false), deadline - Date.now());
    await quiet(() => tableCounts(db), 5000, Math.max(0, deadline - Date.now()));
    // The tables do not exist until the first write: not settled yet.
    last = await streamVersusBatch(db).catch((error: Error) => error);
    if (Array.isArray(last) && last.length === 0) return last;
  }
  if (last instanceof Error) throw last;
  return last;
}

export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check()) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 250));
}
