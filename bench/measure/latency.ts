// End-to-end latency at a fixed rate: from POST /api/reviews answering 202 to
// GET /api/courses/:id/stats showing that review. The runtime runs as a child
// process (bench/runtime-child.ts: `sluice start`'s composition without the
// designer), fresh for each rate. Background reviews arrive at the rate (batches
// through POST /api/reviews:batch, as a busy website would send them) and probe
// reviews for fresh courses are posted one by one among them. The bench watches
// course-stats for the probe's course and then confirms through the API, so it
// does not poll the process it measures at every probe.
import { pace } from '../load/pace.ts';
import { httpTarget } from '../load/targets.ts';
import { defaultTraffic, generateTraffic, type TextSource } from '../load/traffic.ts';
import { SluiceProcess, waitUntil } from './child-process.ts';
import { type BenchContext, childEnv } from './context.ts';
import { judgeSustained, type LatencyWindow, latencyWindows, type ProbeSample, type Sustained } from './latency-figures.ts';
import { probeReview } from './probes.ts';
import { provisionRun } from './provision.ts';
import { TopicWatch } from './topic-watch.ts';
import { workersSettled } from './workers.ts';

export interface LatencyOptions {
  windows: number;
  windowSeconds: number;
  warmupSeconds: number;
  probesPerSecond: number;
  timeoutMs: number;
}

export interface LatencyAtRate {
  rate: number;
  /** Reviews per second the API accepted (background and probes). */
  achievedRate: number;
  /** Background reviews the API refused or failed (not 202). */
  failed: number;
  /** Probes whose POST did not answer 202. */
  probesFailed: number;
  windows: LatencyWindow[];
  sustained: Sustained;
  rssMb: number;
  peakRssMb: number;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const json = { 'content-type': 'application/json' };

async function probe(base: string, n: number, run: string, watch: TopicWatch, timeoutMs: number): Promise<ProbeSample | undefined> {
  const review = probeReview(run, n, Date.now());
  const posted = await fetch(`${base}/api/reviews`, { method: 'POST', headers: json, body: JSON.stringify(review) }).catch(() => undefined);
  await posted?.text();
  if (posted?.status !== 202) return undefined;
  const sentAt = Date.now();
  const seen = await watch.waitFor(review.courseId, timeoutMs);
  if (seen === undefined) return { sentAt };
  // The topic has it; the API answers from its own copy of the topic, a moment later at most.
  while (Date.now() - sentAt < timeoutMs) {
    const response = await fetch(`${base}/api/courses/${encodeURIComponent(review.courseId)}/stats`);
    const body = (await response.json()) as { allTime?: { count?: number } };
    if (response.status === 200 && (body.allTime?.count ?? 0) >= 1)
      return { sentAt, latencyMs: Date.now() - sentAt, topicMs: seen - sentAt };
    await sleep(2);
  }
  return { sentAt };
}

export async function measureLatency(
  context: BenchContext,
  texts: TextSource,
  rate: number,
  options: LatencyOptions,
): Promise<LatencyAtRate> {
  const run = await provisionRun(context);
  // The pipeline file names its own topics (the ingest and view topics among them); the desired state is the run's.
  const topics = { pipelines: `sluice.pipelines-${run.suffix}` };
  const runtime = new SluiceProcess({
    entry: 'bench/runtime-child.ts',
    args: [],
    env: { ...childEnv(context), BENCH_PIPELINE_FILE: run.file, BENCH_TOPICS: JSON.stringify(topics) },
    label: `latency-${rate}`,
    profileDir: context.profileDir,
  });
  const watch = new TopicWatch(context.kafka, run.courseStats);
  await watch.start();
  try {
    const listening = () => runtime.events.find((event) => event.kind === 'listening');
    await waitUntil(() => listening() !== undefined && workersSettled([runtime], run), [runtime], 180_000, 'the runtime to take its tasks');
    const base = (listening() as { address: string }).address;
    // One probe end to end before the clock: the path is warm and the stats view is caught up.
    let n = 0;
    const first = await probe(base, n++, run.suffix, watch, 120_000);
    if (first?.latencyMs === undefined) throw new Error(`latency at ${rate}/s: the first probe never showed:\n${runtime.lastLines()}`);

    const durationMs = (options.warmupSeconds + options.windows * options.windowSeconds) * 1000;
    const probes: Promise<ProbeSample | undefined>[] = [];
    const began = Date.now();
    const probing = (async () => {
      for (let i = 0; Date.now() - began < durationMs; i++) {
        probes.push(probe(base, n++, run.suffix, watch, options.timeoutMs));
        await sleep(Math.max(0, began + ((i + 1) * 1000) / options.probesPerSecond - Date.now()));
      }
    })();
    // Several senders at high rates: one sequential sender cannot keep up with 5,000 reviews/s on its own.
    const senders = rate >= 1000 ? 4 : 1;
    const backgroundRate = Math.max(1, rate - options.probesPerSecond) / senders;
    const sent = await Promise.all(
      Array.from({ length: senders }, (_, s) =>
        pace(
          generateTraffic({ ...defaultTraffic(texts), seed: 100 + s, count: Math.ceil(backgroundRate * (durationMs / 1000) * 2) + 100 }),
          httpTarget(base),
          { rate: backgroundRate, durationMs },
        ),
      ),
    );
    await probing;
    const loadSeconds = Math.max(durationMs, ...sent.map((p) => p.elapsedMs)) / 1000;
    const samples = (await Promise.all(probes)).filter((sample): sample is ProbeSample => sample !== undefined);
    const achievedRate = (sent.reduce((sum, p) => sum + p.sent - p.failed, 0) + samples.length) / loadSeconds;
    const measured = samples.filter((s) => s.sentAt >= began + options.warmupSeconds * 1000);
    const memory = runtime.memory();
    return {
      rate,
      achievedRate,
      failed: sent.reduce((sum, p) => sum + p.failed, 0),
      probesFailed: probes.length - samples.length,
      windows: latencyWindows(
        samples,
        began + options.warmupSeconds * 1000,
        options.windowSeconds * 1000,
        options.windows,
        options.timeoutMs,
      ),
      sustained: judgeSustained(measured, rate, achievedRate, options.timeoutMs),
      rssMb: memory?.rssMb ?? Number.NaN,
      peakRssMb: memory?.peakRssMb ?? Number.NaN,
    };
  } finally {
    await runtime.stop();
    await watch.stop();
  }
}
