// `npm run bench [-- --quick] [-- --profile]`: measures Sluice on the local broker (or
// KAFKA_BROKERS) and writes bench/results/<date>.json and .md. See bench/README.md.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { startServices } from '../runtime/cli/services.ts';
import { createKafka } from '../runtime/kafka/client.ts';
import { kafkaVersion, repoRoot } from '../tools/kafka/broker.ts';
import { corpusTexts } from './corpus-texts.ts';
import { defaultTraffic, generateTraffic } from './load/traffic.ts';
import { markdownTable } from './measure/report.ts';
import { runMeasures } from './measures.ts';
import { benchSettings } from './settings.ts';

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--quick' && arg !== '--profile');
if (unknown.length > 0) {
  console.error(`bench: unknown option ${unknown.join(' ')}\nusage: npm run bench [-- --quick] [-- --profile]`);
  process.exit(2);
}
const quick = args.includes('--quick');
const profile = args.includes('--profile');
const settings = benchSettings(quick);
const say = (line: string) => console.error(`bench: ${line}`);
const began = Date.now();
const stamp = new Date(began).toISOString().slice(0, 19).replaceAll(':', '-');

// The bench's broker and processes keep their data apart from `npm start`'s, and the broker starts empty.
if (!process.env.SLUICE_DATA_DIR) {
  const folder = join(repoRoot, '.data', 'bench');
  rmSync(join(folder, 'kafka'), { recursive: true, force: true });
  process.env.SLUICE_DATA_DIR = folder;
}
const dataDir = process.env.SLUICE_DATA_DIR;
const load = loadavg()[0];
const services = await startServices(say);
// Ctrl-C or SIGTERM (often twice: from the terminal and from the npm launcher): stop the services once, then exit,
// which kills the processes the bench started (child-process.ts).
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping`);
    void services.stop().finally(() => process.exit(130));
  });
try {
  const profileDir = profile ? join(repoRoot, 'bench', 'results', 'profiles', stamp) : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const kafka = createKafka(services.brokers);
  const context = { kafka, brokers: services.brokers, databaseUrl: services.databaseUrl, dataDir, profileDir, quick, say };
  const texts = await corpusTexts();
  const operations = [...generateTraffic({ ...defaultTraffic(texts), count: settings.records, seed: 7, courses: 1000, users: 5000 })];
  const bytes = operations.reduce((sum, op) => sum + (op.kind === 'put' ? JSON.stringify(op.review).length : 0), 0);
  const { figures, profiles } = await runMeasures(context, settings, operations, texts);
  const machine = {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    kafka: kafkaVersion(),
    // Other work on the machine (the 1-minute load average) before and after: the figures are only as quiet as it was.
    loadBefore: Number(load?.toFixed(2)),
    loadAfter: Number(loadavg()[0]?.toFixed(2)),
  };
  const minutes = (Date.now() - began) / 60_000;
  const result = {
    date: new Date(began).toISOString(),
    quick,
    profiled: profile,
    records: operations.length,
    bytes,
    minutes,
    machine,
    figures,
    profiles,
  };
  const folder = join(repoRoot, 'bench', 'results');
  mkdirSync(folder, { recursive: true });
  const stem = join(folder, `${stamp}${quick ? '-quick' : ''}${profile ? '-profile' : ''}`);
  writeFileSync(`${stem}.json`, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(`${stem}.md`, markdownTable(result));
  console.log(markdownTable(result));
  say(`results in ${stem}.json and .md${profileDir ? `; profiles in ${profileDir}` : ''} (${minutes.toFixed(1)} min)`);
} finally {
  await services.stop();
}
process.exit(0);
