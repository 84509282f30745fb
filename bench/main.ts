// `npm run bench [-- --quick] [-- --profile]`: measures Sluice on the local broker (or
// KAFKA_BROKERS) and writes bench/results/<date>.json and .md. See bench/README.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { startServices } from '../runtime/cli/services.ts';
import { createKafka } from '../runtime/kafka/client.ts';
import { kafkaVersion } from '../runtime/local/kafka/broker.ts';
import { isAlive } from '../runtime/local/process-alive.ts';
import { repoRoot } from '../runtime/local/project-root.ts';
import { corpusTexts } from './corpus-texts.ts';
import { defaultTraffic, generateTraffic } from './load/traffic.ts';
import { type PeerResults, readPeerResults } from './measure/peers.ts';
import { markdownTable } from './measure/report.ts';
import { runMeasures } from './measures.ts';
import { benchSettings } from './settings.ts';

/** The commit measured, and whether runtime/, shared/ or pipelines/ had uncommitted changes (then the figures are of those). */
function sourceVersion(): { commit: string; uncommittedChanges: boolean } {
  const git = (...gitArgs: string[]) => spawnSync('git', gitArgs, { cwd: repoRoot, encoding: 'utf8' }).stdout?.trim() ?? '';
  return {
    commit: git('rev-parse', '--short', 'HEAD'),
    uncommittedChanges: git('status', '--porcelain', 'runtime', 'shared', 'pipelines') !== '',
  };
}

const usage =
  'usage: npm run bench [-- --quick] [-- --profile] [-- --peers <results.json of the peers harness>] | [-- --soak [--minutes 30] [--rate 40]]';
const args = process.argv.slice(2);
// The soak is a run of its own (bench/soak/main.ts): half an hour of traffic with faults, then a count of what was lost.
if (args[0] === '--soak') {
  const { runSoak } = await import('./soak/main.ts');
  process.exit(await runSoak(args.slice(1)));
}
const peersAt = args.indexOf('--peers');
const peersFile = peersAt >= 0 ? args[peersAt + 1] : undefined;
const unknown = args.filter((arg, index) => arg !== '--quick' && arg !== '--profile' && index !== peersAt && index !== peersAt + 1);
if (unknown.length > 0 || (peersAt >= 0 && !peersFile)) {
  console.error(`bench: ${unknown.length > 0 ? `unknown option ${unknown.join(' ')}` : '--peers needs a file'}\n${usage}`);
  process.exit(2);
}
let peers: PeerResults | undefined;
try {
  peers = peersFile ? readPeerResults(peersFile) : undefined;
} catch (error) {
  console.error(`bench: --peers ${peersFile}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
const quick = args.includes('--quick');
const profile = args.includes('--profile');
const settings = benchSettings(quick);
const say = (line: string) => console.error(`bench: ${line}`);
const began = Date.now();
const stamp = new Date(began).toISOString().slice(0, 19).replaceAll(':', '-');

// Each bench keeps its data (an empty broker, PostgreSQL, task stores) in a folder of its own, removed at the end,
// and takes free ports: it never meets `npm start`'s data or ports, nor another bench running at the same time.
let runFolder: string | undefined;
if (!process.env.SLUICE_DATA_DIR) {
  const root = join(repoRoot, '.data', 'bench');
  for (const entry of existsSync(root) ? readdirSync(root) : []) {
    const pid = Number(entry.match(/^run-(\d+)$/)?.[1]);
    if (pid > 0 && !isAlive(pid)) rmSync(join(root, entry), { recursive: true, force: true });
  }
  runFolder = join(root, `run-${process.pid}`);
  process.env.SLUICE_DATA_DIR = runFolder;
  process.env.SLUICE_KAFKA_PORT ??= '0';
  process.env.SLUICE_POSTGRES_PORT ??= '0';
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
    void services.stop().finally(() => {
      if (runFolder) rmSync(runFolder, { recursive: true, force: true });
      process.exit(130);
    });
  });
try {
  const profileDir = profile ? join(repoRoot, 'bench', 'results', 'profiles', stamp) : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const kafka = createKafka(services.brokers);
  const context = { kafka, brokers: services.brokers, databaseUrl: services.databaseUrl, dataDir, profileDir, quick, say };
  const texts = await corpusTexts();
  const operations = [...generateTraffic({ ...defaultTraffic(texts), count: settings.records, seed: 7, courses: 1000, users: 5000 })];
  const bytes = operations.reduce((sum, op) => sum + (op.kind === 'put' ? JSON.stringify(op.review).length : 0), 0);
  const { figures, profiles } = await runMeasures(context, settings, operations, texts, peers);
  const machine = {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    kafka: kafkaVersion(),
    ...sourceVersion(),
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
    ...(peers ? { peers: { file: peers.file, systems: peers.systems } } : {}),
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
  if (runFolder) rmSync(runFolder, { recursive: true, force: true });
}
process.exit(0);
