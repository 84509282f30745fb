import pg from 'pg';
import { readChangelogs } from '../../kafka/changelog-reader.ts';
import { createKafka } from '../../kafka/client.ts';
import { batchStats, type CourseStats } from '../../postgres/batch-stats.ts';
import { compareStats, type StatsDifference, statsOfRecord, tableStats } from '../../postgres/verify-stats.ts';
import { parseArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { databaseUrl, kafkaBrokers } from '../database-url.ts';
import { parseAsOf } from './batch.ts';

/** The latest value per course in the compacted course-stats topic. */
async function topicStats(brokers: string[], topic: string): Promise<CourseStats[]> {
  const kafka = createKafka(brokers);
  const admin = kafka.admin();
  await admin.connect();
  try {
    const latest = new Map<string, CourseStats>();
    const partitions = (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0]?.partitions ?? [];
    await readChangelogs(
      kafka,
      admin,
      partitions.map((p) => ({ topic, partition: p.partitionId })),
      ({ key, value }) => {
        const stats = statsOfRecord(value?.toString() ?? null);
        if (stats) latest.set(key, stats);
        else latest.delete(key);
      },
    );
    return [...latest.values()];
  } finally {
    await admin.disconnect();
  }
}

async function differences(db: pg.Pool, asOf: Date, brokers: string[] | undefined, topic: string): Promise<StatsDifference[]> {
  const batch = await batchStats(db, asOf);
  const found = compareStats('course_stats', await tableStats(db), batch);
  if (brokers) found.push(...compareStats(topic, await topicStats(brokers, topic), batch));
  return found;
}

export const verify: Command = {
  name: 'verify',
  summary: 'compare course_stats (and the course-stats topic) with the batch SQL; exit 1 on any difference',
  usage: 'verify [--as-of <ISO time>] [--topic course-stats] [--settle-ms 2000]',
  async run(args) {
    const { options } = parseArgs(args);
    const brokers = kafkaBrokers();
    const topic = options.get('topic') ?? 'course-stats';
    const db = new pg.Pool({ connectionString: databaseUrl() });
    db.on('error', () => {});
    try {
      const explicit = options.has('as-of');
      let found = await differences(db, parseAsOf(args), brokers, topic);
      // A window may be emitting an expiry right now: a difference that is real survives a second look.
      if (found.length > 0 && !explicit) {
        await new Promise((done) => setTimeout(done, Number(options.get('settle-ms') ?? 2000)));
        found = await differences(db, new Date(), brokers, topic);
      }
      for (const d of found) {
        console.log(`${d.where} ${d.courseId}: stream ${JSON.stringify(d.stream ?? null)} batch ${JSON.stringify(d.batch ?? null)}`);
      }
      console.log(found.length === 0 ? 'ok: the stream agrees with the batch' : `${found.length} differences`);
      return found.length === 0 ? 0 : 1;
    } finally {
      await db.end();
    }
  },
};
