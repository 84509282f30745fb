// `sluice verify`: holds a window's output (the tables and compacted topics it writes, the view's among them)
// against its batch SQL; exit 1 naming each key that differs.
import pg from 'pg';
import { readChangelogs } from '../../kafka/changelog-reader.ts';
import { createKafka } from '../../kafka/client.ts';
import type { WindowBatch } from '../../postgres/window-batch.ts';
import {
  batchFigures,
  compareFigures,
  type FigureDifference,
  type Figures,
  figuresOfRecord,
  tableFigures,
} from '../../postgres/window-verify.ts';
import { parseArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { databaseUrl, kafkaBrokers } from '../database-url.ts';
import { batchPlan, parseAsOf } from './batch.ts';

/** The latest record per key of a compacted topic, as figures. */
async function topicFigures(brokers: string[], topic: string, plan: WindowBatch): Promise<Figures> {
  const kafka = createKafka(brokers);
  const admin = kafka.admin();
  await admin.connect();
  try {
    const latest: Figures = new Map();
    const partitions = (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0]?.partitions ?? [];
    await readChangelogs(
      kafka,
      admin,
      partitions.map((p) => ({ topic, partition: p.partitionId })),
      ({ key, value }) => {
        if (value === null) latest.delete(key);
        else latest.set(key, figuresOfRecord(JSON.parse(value.toString()), plan));
      },
    );
    return latest;
  } finally {
    await admin.disconnect();
  }
}

/** Every output compared; topics only when a cluster is known (KAFKA_BROKERS, or the local one that runs). */
export async function windowDifferences(
  db: pg.Pool,
  plan: WindowBatch,
  asOf: Date,
  brokers: string[] | undefined,
): Promise<FigureDifference[]> {
  const expected = await batchFigures(db, plan, asOf);
  const found: FigureDifference[] = [];
  for (const output of plan.outputs) {
    if (output.kind === 'table')
      found.push(...compareFigures(`table ${output.table}`, plan, await tableFigures(db, plan, output), expected));
    else if (brokers)
      found.push(...compareFigures(`topic ${output.topic}`, plan, await topicFigures(brokers, output.topic, plan), expected));
  }
  return found;
}

export const verify: Command = {
  name: 'verify',
  summary: "compare a window's output (its tables and view) with its batch SQL; exit 1 naming each key that differs",
  usage: 'verify [--pipeline <file.json>] [--window <node>] [--as-of <ISO time>] [--settle-ms 2000]',
  async run(args) {
    const { options } = parseArgs(args);
    const plan = await batchPlan(options);
    const brokers = kafkaBrokers();
    const db = new pg.Pool({ connectionString: databaseUrl() });
    db.on('error', () => {});
    try {
      const explicit = options.has('as-of');
      let found = await windowDifferences(db, plan, parseAsOf(args), brokers);
      // A window may be emitting an expiry right now: a difference that is real survives a second look.
      if (found.length > 0 && !explicit) {
        await new Promise((done) => setTimeout(done, Number(options.get('settle-ms') ?? 2000)));
        found = await windowDifferences(db, plan, new Date(), brokers);
      }
      for (const note of plan.notes) console.log(`note: ${note}`);
      for (const window of plan.notVerified) console.log(`not verified: ${window}`);
      for (const d of found) {
        const side = (i: 0 | 1) =>
          JSON.stringify(Object.fromEntries(Object.entries(d.figures).map(([figure, values]) => [figure, values[i]])));
        console.log(`${d.where} ${d.key}: stream ${side(0)} batch ${side(1)}`);
      }
      const compared = plan.outputs
        .filter((output) => output.kind === 'table' || brokers)
        .map((output) => (output.kind === 'table' ? `table ${output.table}` : `topic ${output.topic}`));
      if (compared.length === 0)
        console.log('nothing to compare: the window writes no table, and no Kafka is known for its topics (set KAFKA_BROKERS)');
      console.log(found.length === 0 ? `ok: the stream agrees with the batch (${compared.join(', ')})` : `${found.length} differences`);
      return found.length === 0 && compared.length > 0 ? 0 : 1;
    } finally {
      await db.end();
    }
  },
};
