// The product's promise on the real broker and PostgreSQL: generated review
// traffic (spam, duplicates, edits that move reviews between courses, deletes,
// shuffled arrival) through pipelines/review-stats.json, and the stream's
// course statistics equal what the legacy batch SQL computes from reviews_valid.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { readPipelineResource } from '../../runtime/cli/resources.ts';
import { PipelineRunner } from '../../runtime/kafka/pipeline-runner.ts';
import { PostgresSinks } from '../../runtime/postgres/sink-executor.ts';
import { RECORDS_IN, total } from '../../shared/engine/metrics.ts';
import { testKafka, uniqueName } from '../setup/kafka.ts';
import { exitOf, killSpawned, spawnSluice } from '../setup/processes.ts';
import { freshDatabase, reviewStatsPipeline, reviewTraffic, settledComparison, until, writeTraffic } from '../setup/review-stats.ts';

const kafka = testKafka();
const admin = kafka.admin();
let database: Awaited<ReturnType<typeof freshDatabase>>;

beforeAll(async () => {
  await admin.connect();
  database = await freshDatabase(inject('databaseUrl'), `review_stats_${Date.now()}`);
});
afterEach(killSpawned);
afterAll(async () => {
  await database?.db.end();
  await admin.disconnect();
});

describe('review-stats on Kafka and PostgreSQL', () => {
  it('agrees with the batch SQL after spam, duplicates, edits, deletes and shuffled arrival, and `sluice verify` says so until a figure is wrong', async () => {
    const suffix = uniqueName('rs');
    const operations = await reviewTraffic(4000, 11);
    await writeTraffic(kafka, admin, `reviews-${suffix}`, operations);
    const sinks = new PostgresSinks({ ...process.env, DATABASE_URL: database.url });
    const runner = new PipelineRunner(kafka, admin, reviewStatsPipeline(suffix), {
      executeSinks: sinks.execute,
      readResource: readPipelineResource,
    });
    await runner.start();
    // Every operation read at the source, then everything downstream quiet.
    await until(() => total(runner.metrics.snapshot(), RECORDS_IN, { node: 'reviews' }) >= operations.length, 600_000);
    expect(total(runner.metrics.snapshot(), RECORDS_IN, { node: 'reviews' })).toBe(operations.length);
    const differences = await settledComparison(admin, database.db, { groupId: runner.groupId, sourceTopic: `reviews-${suffix}` }, 300_000);
    try {
      expect(differences.slice(0, 5)).toEqual([]);
      const valid = await database.db.query('SELECT count(*)::int AS n FROM reviews_valid');
      expect(valid.rows[0].n).toBeGreaterThan(operations.length / 2);

      // The same check as an operator runs it: `sluice verify`, table and topic against the batch SQL.
      const env = { KAFKA_BROKERS: inject('kafkaBrokers').join(','), DATABASE_URL: database.url };
      const file = join(mkdtempSync(join(tmpdir(), 'sluice-verify-')), 'review-stats.json');
      writeFileSync(file, JSON.stringify(reviewStatsPipeline(suffix)));
      const verify = () => spawnSluice(['verify', '--pipeline', file, '--window', 'courseStats'], env);
      const agreeing = verify();
      expect(await exitOf(agreeing.child), agreeing.output()).toBe(0);
      expect(agreeing.output()).toContain('ok: the stream agrees with the batch');

      const { rows } = await database.db.query<{ courseId: string }>(
        `UPDATE course_stats SET "allTime" = jsonb_set("allTime", '{count}', to_jsonb(("allTime"->>'count')::int + 1))
         WHERE "courseId" = (SELECT min("courseId") FROM course_stats) RETURNING "courseId"`,
      );
      const differing = verify();
      expect(await exitOf(differing.child)).toBe(1);
      expect(differing.output()).toContain(`course_stats ${rows[0]?.courseId}: stream`);
      expect(differing.output()).toContain('1 differences');
    } finally {
      await runner.stop();
      await sinks.close();
    }
  }, 1_200_000);
});
