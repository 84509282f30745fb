// Idle cost: a runtime process (bench/runtime-child.ts, `sluice start`'s composition) with review-stats deployed and
// no traffic at all. After it took and restored its tasks and a settling pause, the CPU time of the runtime process and
// of the broker's JVM is read from /proc over a quiet window, and the consumers' fetch requests from the runtime's own
// Prometheus counter (absent in runtimes that predate it).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SluiceProcess, waitUntil } from './child-process.ts';
import { type BenchContext, childEnv } from './context.ts';
import { processCpuSeconds } from './proc-stats.ts';
import { provisionRun } from './provision.ts';
import { workersSettled } from './workers.ts';

export interface IdleCost {
  /** CPU of the runtime process over the window, in % of one core. */
  runtimePercent: number;
  /** CPU of the broker's JVM over the same window (NaN when the bench uses KAFKA_BROKERS). */
  brokerPercent: number;
  /** Fetch requests per second of all the runtime's consumers (NaN when the runtime does not count them). */
  fetchesPerSecond: number;
  seconds: number;
}

export interface IdleOptions {
  settleSeconds: number;
  windowSeconds: number;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The local broker's JVM: the java process whose command line names the bench's Kafka data folder. */
export function brokerPid(dataDir: string): number | undefined {
  const needle = join(dataDir, 'kafka');
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(join('/proc', entry, 'cmdline'), 'utf8').split('\0');
      if (cmdline[0]?.endsWith('java') && cmdline.some((arg) => arg.includes(needle))) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  return undefined;
}

/** The sum of `sluice_kafka_fetches_total` in a Prometheus text page, or undefined when the page has none. */
export function fetchesIn(page: string): number | undefined {
  const values = page
    .split('\n')
    .filter((line) => line.startsWith('sluice_kafka_fetches_total'))
    .map((line) => Number(line.slice(line.lastIndexOf(' ') + 1)));
  return values.length === 0 ? undefined : values.reduce((sum, value) => sum + value, 0);
}

async function fetchCount(base: string): Promise<number | undefined> {
  const response = await fetch(`${base}/metrics`).catch(() => undefined);
  return response?.ok ? fetchesIn(await response.text()) : undefined;
}

export async function measureIdleCost(context: BenchContext, options: IdleOptions): Promise<IdleCost> {
  const run = await provisionRun(context);
  const topics = { pipelines: `sluice.pipelines-${run.suffix}`, reviews: run.source, courseStats: run.courseStats };
  const runtime = new SluiceProcess({
    entry: 'bench/runtime-child.ts',
    args: [],
    env: { ...childEnv(context), BENCH_PIPELINE_FILE: run.file, BENCH_TOPICS: JSON.stringify(topics) },
    label: 'idle',
    profileDir: context.profileDir,
  });
  try {
    const listening = () => runtime.events.find((event) => event.kind === 'listening');
    await waitUntil(() => listening() !== undefined && workersSettled([runtime], run), [runtime], 180_000, 'the runtime to take its tasks');
    const base = (listening() as { address: string }).address;
    await sleep(options.settleSeconds * 1000);
    const broker = brokerPid(context.dataDir);
    const read = async () => ({
      at: performance.now(),
      runtime: processCpuSeconds(runtime.pid) ?? Number.NaN,
      broker: broker === undefined ? Number.NaN : (processCpuSeconds(broker) ?? Number.NaN),
      fetches: (await fetchCount(base)) ?? Number.NaN,
    });
    const before = await read();
    await sleep(options.windowSeconds * 1000);
    const after = await read();
    const seconds = (after.at - before.at) / 1000;
    return {
      runtimePercent: ((after.runtime - before.runtime) / seconds) * 100,
      brokerPercent: ((after.broker - before.broker) / seconds) * 100,
      fetchesPerSecond: (after.fetches - before.fetches) / seconds,
      seconds,
    };
  } finally {
    await runtime.stop();
  }
}
