// `npm run bench -- --soak [--minutes 30] [--rate 40]`: review-stats under a steady mix of reviews,
// edits, deletes and spam for half an hour, with a worker and the runtime killed with SIGKILL, the
// broker's JVM killed and PostgreSQL killed along the way; then lost, duplicated and wrong figures
// are counted (all must be 0), with each fault's recovery time and the processes' RSS over time.
// Its own data folder and ports; results in bench/results/soak-<date>.json and .md.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../runtime/local/ports.ts';
import { repoRoot } from '../../runtime/local/project-root.ts';
import { runtimeArgs } from '../../tools/runtime-bundle.mjs';
import { corpusTexts } from '../corpus-texts.ts';
import { seededRandom } from '../load/random.ts';
import { defaultTraffic, generateTraffic } from '../load/traffic.ts';
import { SluiceProcess } from '../measure/child-process.ts';
import { type FaultKind, faultPlan, killService } from './faults.ts';
import { Ledger } from './ledger.ts';
import { observeOutputs, settle } from './observe.ts';
import { type RssSample, rssSummary } from './rss.ts';
import { SoakSender } from './sender.ts';

const say = (line: string) => console.error(`soak: ${line}`);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function option(args: string[], name: string, fallback: number): number {
  const index = args.indexOf(name);
  const value = index >= 0 ? Number(args[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} takes a positive number`);
  return value;
}

interface Recovery {
  kind: FaultKind;
  atS: number;
  /** Fault → the API answered 202 again. */
  acceptingS: number;
  /** Fault → a review posted then shows in its course's stats. */
  caughtUpS: number;
}

export async function runSoak(args: string[]): Promise<number> {
  const minutes = option(args, '--minutes', 30);
  const rate = option(args, '--rate', 40);
  const dataDir = join(repoRoot, '.data', 'bench', `soak-${process.pid}`);
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Local services of its own (never KAFKA_BROKERS or DATABASE_URL): the soak kills and restarts them.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SLUICE_DATA_DIR: dataDir,
    PORT: String(port),
    SLUICE_KAFKA_PORT: '0',
    SLUICE_POSTGRES_PORT: '0',
  };
  delete env.KAFKA_BROKERS;
  delete env.DATABASE_URL;
  const startRuntime = () => new SluiceProcess({ entry: 'runtime/cli/main.ts', args: ['start'], env, label: 'runtime' });
  const startWorker = () =>
    new SluiceProcess({ entry: 'runtime/cli/main.ts', args: ['run', 'pipelines/review-stats.json'], env, label: 'worker' });
  let runtime = startRuntime();
  const samples: RssSample[] = [];
  let worker: SluiceProcess | undefined;
  try {
    await untilAccepting(url, 240_000);
    worker = startWorker();
    say(`review-stats runs at ${url} with a second worker; ${minutes} min at ${rate} operations/s`);
    const texts = await corpusTexts();
    const ledger = new Ledger();
    const sender = new SoakSender(() => url, ledger);
    const operations = generateTraffic({ ...defaultTraffic(texts), seed: 11, count: Math.ceil(minutes * 60 * rate) + 1000 });
    const began = Date.now();
    const sending = sender.run(operations, rate);
    const sampler = setInterval(() => {
      for (const process of [runtime, worker]) {
        const memory = process?.alive ? process.memory() : undefined;
        if (process && memory)
          samples.push({ label: process.options.label, pid: process.pid, atS: (Date.now() - began) / 1000, rssMb: memory.rssMb });
      }
    }, 10_000);
    const recoveries: Recovery[] = [];
    let probe = 0;
    for (const fault of faultPlan(minutes * 60_000, Math.min(120_000, (minutes * 60_000) / 5), seededRandom(5))) {
      await sleep(Math.max(0, began + fault.atMs - Date.now()));
      say(`${fault.kind} at ${((Date.now() - began) / 1000).toFixed(0)} s`);
      const at = Date.now();
      if (fault.kind === 'worker-kill' && worker) {
        await worker.kill();
        await sleep(2000);
        worker = startWorker();
      } else if (fault.kind === 'runtime-kill') {
        await runtime.kill();
        await sleep(2000);
        runtime = startRuntime();
      } else if (fault.kind === 'broker-kill') killService(dataDir, 'kafka');
      else if (fault.kind === 'postgres-kill') killService(dataDir, 'postgres');
      const recovery = await recoveryOf(url, `soak-probe-${++probe}`, ledger, at);
      recoveries.push({ kind: fault.kind, atS: Math.round((at - began) / 1000), ...recovery });
      say(`  accepting again after ${recovery.acceptingS.toFixed(1)} s, caught up after ${recovery.caughtUpS.toFixed(1)} s`);
    }
    await sleep(Math.max(0, began + minutes * 60_000 - Date.now()));
    sender.stop();
    await sending;
    clearInterval(sampler);
    say(`load stopped after ${sender.counts.sent} requests; waiting for the pipeline to settle`);
    await settle(url, dataDir, 300_000);
    const judgement = ledger.judge(await observeOutputs(dataDir));
    const verify = spawnSync(process.execPath, [...runtimeArgs(repoRoot), 'verify'], {
      cwd: repoRoot,
      env,
      encoding: 'utf8',
    });
    const wrongFigures = verify.status === 0 ? 0 : (verify.stdout.match(/^(\d+) differences/m)?.[1] ?? 'verify failed');
    const result = {
      date: new Date(began).toISOString(),
      minutes,
      rate,
      loadBefore: loadavg()[0],
      requests: sender.counts,
      reviews: { settled: judgement.settled, inDoubt: judgement.inDoubt },
      lost: judgement.lost.length,
      duplicated: judgement.duplicated.length,
      resurrected: judgement.resurrected.length,
      wrongFigures,
      examples: {
        lost: judgement.lost.slice(0, 10),
        duplicated: judgement.duplicated.slice(0, 10),
        resurrected: judgement.resurrected.slice(0, 10),
      },
      verify: verify.stdout.trim().split('\n').slice(-5),
      faults: recoveries,
      rss: rssSummary(samples),
    };
    writeResult(result);
    const clean = result.lost === 0 && result.duplicated === 0 && result.resurrected === 0 && wrongFigures === 0;
    return clean ? 0 : 1;
  } finally {
    await worker?.stop();
    await runtime.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function untilAccepting(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const health = await fetch(`${url}/api/health`).catch(() => undefined);
    if (health?.ok) return;
    await sleep(500);
  }
  throw new Error(`the runtime did not answer at ${url} within ${timeoutMs / 1000} s`);
}

/** Posts a review for a course of its own until it is stored, then waits for the course's stats to count it. */
async function recoveryOf(url: string, courseId: string, ledger: Ledger, at: number): Promise<{ acceptingS: number; caughtUpS: number }> {
  const review = {
    id: `${courseId}-r`,
    courseId,
    userId: `${courseId}-u`,
    rating: 4,
    // A text of its own: the same short text from five users within ten minutes is a spam burst, and a probe
    // judged spam never shows in its course's stats (the 30-minute soak's fifth probe did just that).
    title: `Probe ${courseId}`,
    content: `A probe of the soak, for course ${courseId}, posted at ${new Date().toISOString()}.`,
    createdAt: new Date().toISOString(),
  };
  const deadline = at + 600_000;
  let acceptingS = Number.NaN;
  while (Date.now() < deadline) {
    const answer = await fetch(`${url}/api/reviews`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(review),
    }).catch(() => undefined);
    ledger.record(review.id, 'put', answer?.status === 202 ? 'stored' : answer ? 'not-stored' : 'unknown');
    if (answer?.status === 202) {
      acceptingS = (Date.now() - at) / 1000;
      break;
    }
    await sleep(200);
  }
  while (Date.now() < deadline) {
    const stats = await fetch(`${url}/api/courses/${courseId}/stats`).catch(() => undefined);
    if (stats?.ok && ((await stats.json()) as { allTime?: { count?: number } }).allTime?.count === 1)
      return { acceptingS, caughtUpS: (Date.now() - at) / 1000 };
    await sleep(200);
  }
  return { acceptingS, caughtUpS: Number.NaN };
}

function writeResult(result: Record<string, unknown>): void {
  const folder = join(repoRoot, 'bench', 'results');
  mkdirSync(folder, { recursive: true });
  const stem = join(folder, `soak-${String(result.date).slice(0, 19).replaceAll(':', '-')}`);
  writeFileSync(`${stem}.json`, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(`${stem}.md`, soakTable(result));
  console.log(soakTable(result));
  say(`results in ${stem}.json and .md`);
}

function soakTable(result: Record<string, unknown>): string {
  const faults = (result.faults as Recovery[]) ?? [];
  const lines = [
    `# Soak, ${result.date}: ${result.minutes} min at ${result.rate} operations/s`,
    '',
    '| measure | value |',
    '| --- | --- |',
    `| reviews judged (last write acknowledged) / left in doubt | ${JSON.stringify(result.reviews)} |`,
    `| lost | ${result.lost} |`,
    `| duplicated (valid and spam at once) | ${result.duplicated} |`,
    `| deleted but still there | ${result.resurrected} |`,
    `| wrong figures (sluice verify) | ${result.wrongFigures} |`,
    `| requests (sent, stored, refused by status) | ${JSON.stringify(result.requests)} |`,
    '',
    '| fault | at (s) | accepting again (s) | caught up (s) |',
    '| --- | ---: | ---: | ---: |',
    ...faults.map((f) => `| ${f.kind} | ${f.atS} | ${f.acceptingS.toFixed(1)} | ${f.caughtUpS.toFixed(1)} |`),
    '',
    '| process | pid | first (MB) | max (MB) | last (MB) | samples |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...(result.rss as ReturnType<typeof rssSummary>).map(
      (p) => `| ${p.label} | ${p.pid} | ${p.firstMb} | ${p.maxMb} | ${p.lastMb} | ${p.samples} |`,
    ),
    '',
  ];
  return lines.join('\n');
}
