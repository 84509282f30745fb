// `npm run bench [-- --quick]`: measures Sluice on the local broker (or KAFKA_BROKERS)
// and writes bench/results/<date>.json and .md. Figures are medians of several runs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { readPipelineResource } from '../runtime/cli/resources.ts';
import { startServices } from '../runtime/cli/services.ts';
import { createKafka } from '../runtime/kafka/client.ts';
import { repoRoot } from '../tools/kafka/broker.ts';
import { corpusTexts } from './corpus-texts.ts';
import { defaultTraffic, generateTraffic } from './load/traffic.ts';
import { type Figure, summarise } from './measure/figures.ts';
import { measureIngest } from './measure/ingest.ts';
import { measurePassThrough } from './measure/pass-through.ts';
import { measurePipeline } from './measure/pipeline.ts';
import { measureRecovery } from './measure/recovery.ts';
import { markdownTable } from './measure/report.ts';

const quick = process.argv.includes('--quick');
const runs = quick ? 1 : 3;
const count = quick ? 3000 : 30_000;
const say = (line: string) => console.error(`bench: ${line}`);

const services = await startServices(say);
try {
  const kafka = createKafka(services.brokers);
  const texts = await corpusTexts();
  const operations = [...generateTraffic({ ...defaultTraffic(texts), count, seed: 7, courses: 1000, users: 5000 })];
  const bytes = operations.reduce((sum, op) => sum + (op.kind === 'put' ? JSON.stringify(op.review).length : 0), 0);
  const figures: Figure[] = [];
  const repeat = async (name: string, unit: string, measure: () => Promise<number>) => {
    const values: number[] = [];
    for (let run = 0; run < runs; run++) {
      values.push(await measure());
      say(`${name}: ${values.at(-1)?.toFixed(1)} ${unit}`);
    }
    figures.push(summarise(name, unit, values));
  };

  await repeat('kafkajs pass-through (consume → produce, acks=all)', 'records/s', () => measurePassThrough(kafka, operations));
  let lastPipeline: Awaited<ReturnType<typeof measurePipeline>> | undefined;
  await repeat('review-stats exactly-once, 1 worker', 'records/s', async () => {
    lastPipeline = await measurePipeline(kafka, operations, { databaseUrl: services.databaseUrl, readResource: readPipelineResource });
    return lastPipeline.recordsPerSecond;
  });
  if (lastPipeline) {
    figures.push(
      summarise('review-stats exactly-once, 1 worker', 'MB/s', [(lastPipeline.recordsPerSecond * bytes) / operations.length / 1e6]),
    );
    figures.push(summarise('window store bytes per key (one row per review)', 'bytes', [lastPipeline.stateBytesPerKey]));
    figures.push(summarise('worker RSS growth during the run', 'MB', [lastPipeline.rssGrowthMb]));
  }
  const recoveryRows = quick ? 100_000 : 1_000_000;
  let recovery: Awaited<ReturnType<typeof measureRecovery>> | undefined;
  await repeat(`restore of window state, ${recoveryRows.toLocaleString('en')} reviews`, 's', async () => {
    recovery = await measureRecovery(kafka, recoveryRows);
    return recovery.restoreSeconds;
  });
  if (recovery) {
    figures.push(summarise('restore rate', 'rows/s', [recovery.rowsPerSecond]));
    figures.push(summarise(`heap of restored window state, ${recoveryRows.toLocaleString('en')} reviews`, 'MB', [recovery.heapMb]));
  }
  await repeat(
    'POST /api/reviews at saturation',
    'requests/s',
    async () => (await measureIngest(kafka, texts, quick ? 3 : 10)).requestsPerSecond,
  );

  const machine = {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
  const result = { date: new Date().toISOString(), quick, records: operations.length, bytes, machine, figures };
  const folder = join(repoRoot, 'bench', 'results');
  mkdirSync(folder, { recursive: true });
  const stem = join(folder, `${result.date.slice(0, 19).replaceAll(':', '-')}${quick ? '-quick' : ''}`);
  writeFileSync(`${stem}.json`, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(`${stem}.md`, markdownTable(result));
  console.log(markdownTable(result));
  say(`results in ${stem}.json and .md`);
} finally {
  await services.stop();
}
process.exit(0);
