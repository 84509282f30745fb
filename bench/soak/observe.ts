// What review-stats kept, read from its outputs once the run settled: the valid table and the
// latest record per review on the spam topic (read_committed, to its end).

import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createKafka } from '../../runtime/kafka/client.ts';
import { fetchTopicEnds } from '../../runtime/kafka/topic-offsets.ts';
import { runningKafka, runningPostgres } from '../../runtime/local/services/local-services.ts';
import { groupReachedEnd } from '../measure/group-offsets.ts';
import type { Observed } from './ledger.ts';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function services(dataDir: string): { brokers: string[]; databaseUrl: string } {
  const brokers = runningKafka(dataDir)[0]?.brokers;
  const databaseUrl = runningPostgres(dataDir);
  if (!brokers || !databaseUrl) throw new Error(`the soak's local services in ${dataDir} do not run`);
  return { brokers, databaseUrl };
}

/** Waits until the pipeline's group has read the whole source and the valid table stopped changing for 10 s. */
export async function settle(_url: string, dataDir: string, timeoutMs: number): Promise<void> {
  const { brokers, databaseUrl } = services(dataDir);
  const admin = createKafka(brokers).admin();
  const db = new pg.Pool({ connectionString: databaseUrl });
  db.on('error', () => {});
  const count = async () =>
    String((await db.query('SELECT count(*) AS n FROM reviews_valid').catch(() => ({ rows: [{ n: -1 }] }))).rows[0]?.n);
  const deadline = Date.now() + timeoutMs;
  try {
    await admin.connect();
    let last = await count();
    let quietSince = Date.now();
    while (Date.now() < deadline) {
      await sleep(1000);
      const now = await count();
      if (now !== last) {
        last = now;
        quietSince = Date.now();
      }
      const consumed = await groupReachedEnd(admin, 'sluice.review-stats', 'reviews').catch(() => false);
      if (consumed && Date.now() - quietSince >= 10_000) return;
    }
  } finally {
    await admin.disconnect().catch(() => {});
    await db.end();
  }
}

export async function observeOutputs(dataDir: string): Promise<Observed> {
  const { brokers, databaseUrl } = services(dataDir);
  const db = new pg.Pool({ connectionString: databaseUrl });
  const valid = new Set((await db.query<{ id: string }>('SELECT id FROM reviews_valid')).rows.map((row) => row.id));
  await db.end();
  const kafka = createKafka(brokers);
  const admin = kafka.admin();
  await admin.connect();
  const ends = await fetchTopicEnds(admin, 'reviews-spam');
  await admin.disconnect();
  const pending = new Map(ends.filter((p) => Number(p.high) > Number(p.low)).map((p) => [p.partition, Number(p.high)]));
  const spam = new Set<string>();
  const consumer = kafka.consumer({ groupId: `soak-read-${randomUUID()}`, readUncommitted: false });
  await consumer.connect();
  await consumer.subscribe({ topic: 'reviews-spam', fromBeginning: true });
  let done: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    done = resolve;
  });
  if (pending.size === 0) done();
  await consumer.run({
    eachBatch: async ({ batch }) => {
      for (const message of batch.messages) {
        const key = message.key?.toString() ?? '';
        if (message.value === null) spam.delete(key);
        else spam.add(key);
      }
      const end = pending.get(batch.partition);
      if (end !== undefined && (Number(batch.lastOffset()) + 1 >= end || batch.offsetLag() === '0')) pending.delete(batch.partition);
      if (pending.size === 0) done();
    },
  });
  await Promise.race([finished, sleep(120_000)]);
  await consumer.disconnect();
  return { valid, spam };
}
