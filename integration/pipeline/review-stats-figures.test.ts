// review-stats' throughput as the API reports it, with two runtime processes sharing the pipeline on the real broker:
// the figures are the cluster's (either process answers the same), every edge is the same at both ends, every node's
// inputs are settled, the lag of a stopped pipeline is its backlog, and a worker killed with SIGKILL never makes a
// total go down.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LoadOperation } from '../../bench/load/traffic.ts';
import type { DeadLetter, PipelineMetrics } from '../../shared/api/pipeline-metrics.ts';
import { testKafka, uniqueName } from '../setup/kafka.ts';
import { exitOf, killSpawned, repoRoot } from '../setup/processes.ts';
import { freshDatabase, reviewStatsPipeline, reviewTraffic } from '../setup/review-stats.ts';
import { type RuntimeProcess, startRuntime } from '../setup/runtime-processes.ts';

afterEach(killSpawned);

const suffix = uniqueName('figures');
const pipeline = reviewStatsPipeline(suffix);
const topics = { pipelines: `sluice.pipelines-${suffix}`, reviews: `reviews-${suffix}`, courseStats: `course-stats-${suffix}` };
let database: Awaited<ReturnType<typeof freshDatabase>>;
let file: string;
let fresh: LoadOperation[];

beforeAll(async () => {
  database = await freshDatabase(inject('databaseUrl'), `figures_${Date.now()}`);
  file = join(tmpdir(), `${pipeline.id}.json`);
  writeFileSync(file, JSON.stringify(pipeline));
  // New reviews only (distinct ids, no edits or deletes): each one crosses every edge of its path once.
  const seen = new Set<string>();
  fresh = (await reviewTraffic(1600, 41)).filter((op) => op.kind === 'put' && !seen.has(op.review.id) && seen.add(op.review.id));
});
afterAll(() => database.db.end());

const runtime = () => startRuntime({ pipelineFile: file, topics, brokers: inject('kafkaBrokers'), databaseUrl: database.url });
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function metrics(process: RuntimeProcess): Promise<PipelineMetrics> {
  const response = await fetch(`${process.url}/api/pipelines/${pipeline.id}/metrics`);
  if (response.status !== 200) throw new Error(`metrics answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as PipelineMetrics;
}

async function post(process: RuntimeProcess, operations: LoadOperation[]): Promise<void> {
  for (let start = 0; start < operations.length; start += 500) {
    const reviews = operations.slice(start, start + 500).flatMap((op) => (op.kind === 'put' ? [op.review] : []));
    const response = await fetch(`${process.url}/api/reviews:batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reviews }),
    });
    expect(response.status, await response.text()).toBe(202);
  }
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read().catch(() => undefined);
    if (last !== undefined && ok(last)) return last;
    await sleep(500);
  }
  throw new Error(`${what} did not happen within ${timeoutMs / 1000} s; last: ${JSON.stringify(last)?.slice(0, 3000)}`);
}

/** Nothing waiting in the source, nothing on the way anywhere, for three readings in a row. */
async function settled(process: RuntimeProcess, sourceOut: number): Promise<PipelineMetrics> {
  let quiet = 0;
  return until(
    () => metrics(process),
    (figures) => {
      const done =
        figures.nodes.reviews?.out.out?.total === sourceOut &&
        figures.edges.every((edge) => edge.sent === edge.received) &&
        Object.values(figures.nodes).every((node) => node.accounting.inFlight === 0);
      quiet = done ? quiet + 1 : 0;
      return quiet >= 3;
    },
    300_000,
    `the pipeline settling at ${sourceOut} reviews`,
  );
}

function expectIdentities(figures: PipelineMetrics, posted: number): void {
  for (const edge of figures.edges) expect(edge.received, `${edge.from.node}.${edge.from.port} → ${edge.to.node}`).toBe(edge.sent);
  expect(figures.nodes.reviews?.out.out?.total).toBe(posted);
  const filter = figures.nodes.spamFilter;
  expect((filter?.out.valid?.total ?? 0) + (filter?.out.spam?.total ?? 0)).toBe(posted);
  for (const [id, node] of Object.entries(figures.nodes)) {
    const { accounting } = node;
    const sum = (values: Record<string, number>) => Object.values(values).reduce((total, value) => total + value, 0);
    const settledInputs =
      accounting.passedOn + sum(accounting.dropped) + sum(accounting.deadLettered) + accounting.late + sum(accounting.held);
    expect(accounting.unaccounted, id).toBe(0);
    expect(settledInputs, `${id}: in = passed + dropped + dead-lettered + late + held`).toBe(accounting.in);
  }
}

/** The figures a person would compare with what they posted: per node, in and out per port. */
function table(figures: PipelineMetrics): Record<string, string> {
  return Object.fromEntries(
    Object.entries(figures.nodes).map(([id, node]) => [
      id,
      `in ${node.in.total}; out ${Object.entries(node.out)
        .map(([port, figure]) => `${port} ${figure.total}`)
        .join(
          ', ',
        )}; passed ${node.accounting.passedOn}; dropped ${JSON.stringify(node.accounting.dropped)}; held ${JSON.stringify(node.accounting.held)}; late ${node.accounting.late}; dead-lettered ${JSON.stringify(node.accounting.deadLettered)}`,
    ]),
  );
}

function record(name: string, content: unknown): void {
  const folder = join(repoRoot, 'test-results', 'integration');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${name}.json`), `${JSON.stringify(content, null, 2)}\n`);
}

describe('review-stats with two runtime processes', () => {
  it('adds up across both, is the same at both ends of every edge, shows a stopped backlog as lag, and never goes down after a SIGKILL', async () => {
    const first = await runtime();
    const second = await runtime();
    const both = await until(
      () => metrics(second),
      (figures) => figures.workers.filter((worker) => worker.alive && worker.tasks.length > 0).length === 2,
      180_000,
      'both workers holding tasks',
    );
    expect(both.workers.length).toBe(2);

    // N new reviews, through one process's API; the figures read from the other.
    const batches = { first: fresh.slice(0, 1000), second: fresh.slice(1000, 1200), third: fresh.slice(1200) };
    await post(first, batches.first);
    const afterFirst = await settled(second, batches.first.length);
    expectIdentities(afterFirst, batches.first.length);
    expect((await metrics(first)).nodes.reviews?.out.out?.total).toBe(batches.first.length); // the other process agrees
    record('review-stats-two-workers', { posted: batches.first.length, workers: afterFirst.workers, nodes: table(afterFirst) });

    // Stopped: what is posted waits, and the lag says how much.
    expect((await fetch(`${first.url}/api/pipelines/${pipeline.id}/stop`, { method: 'POST' })).status).toBe(200);
    await until(
      () => metrics(second),
      (figures) => !figures.running && figures.workers.every((worker) => !worker.alive),
      60_000,
      'both workers stopping',
    );
    await post(first, batches.second);
    const stopped = await until(
      () => metrics(second),
      (figures) => figures.nodes.reviews?.lag?.total === batches.second.length,
      30_000,
      `a lag of ${batches.second.length}`,
    );
    const lag = stopped.nodes.reviews?.lag;
    expect(lag?.partitions.reduce((sum, partition) => sum + partition.lag, 0)).toBe(batches.second.length);
    expect(stopped.nodes.reviews?.out.out?.total).toBe(batches.first.length); // nothing read while stopped
    record('review-stats-stopped-lag', { posted: batches.second.length, lag });

    // Started again, more traffic, and one process killed halfway: every total only grows, and all are counted.
    expect((await fetch(`${first.url}/api/pipelines/${pipeline.id}/start`, { method: 'POST' })).status).toBe(200);
    await post(first, batches.third);
    const seen: PipelineMetrics[] = [];
    const watching = (async () => {
      for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(250)) seen.push(await metrics(first));
    })();
    await sleep(3000);
    second.child.kill('SIGKILL');
    await exitOf(second.child);
    await watching;
    const total = batches.first.length + batches.second.length + batches.third.length;
    const end = await settled(first, total);
    seen.push(end);
    for (let index = 1; index < seen.length; index++) {
      const [before, after] = [seen[index - 1], seen[index]];
      for (const [id, node] of Object.entries(after?.nodes ?? {})) {
        expect(node.in.total, `${id} in`).toBeGreaterThanOrEqual(before?.nodes[id]?.in.total ?? 0);
        for (const [port, figure] of Object.entries(node.out))
          expect(figure.total, `${id}.${port}`).toBeGreaterThanOrEqual(before?.nodes[id]?.out[port]?.total ?? 0);
      }
    }
    expectIdentities(end, total);
    expect(end.workers.find((worker) => worker.alive)?.tasks.length).toBeGreaterThan(0);
    record('review-stats-after-sigkill', { posted: total, readings: seen.length, workers: end.workers, nodes: table(end) });

    // A record the source cannot read: counted as dead-lettered on its node, and listed with the DLQ topic's reason.
    const producer = testKafka().producer();
    await producer.connect();
    await producer.send({ topic: topics.reviews, acks: -1, messages: [{ key: 'poison', value: '{not json' }] });
    await producer.disconnect();
    const listed = await until(
      async () =>
        (await (await fetch(`${first.url}/api/pipelines/${pipeline.id}/dead-letters?node=reviews`)).json()) as {
          deadLetters: DeadLetter[];
        },
      (answer) => answer.deadLetters.some((letter) => letter.key === 'poison'),
      60_000,
      'the dead letter listed',
    );
    expect(listed.deadLetters.find((letter) => letter.key === 'poison')).toMatchObject({
      node: 'reviews',
      reason: 'invalid-json',
      value: '{not json',
    });
    const poisoned = await until(
      () => metrics(first),
      (figures) => figures.nodes.reviews?.accounting.deadLettered['invalid-json'] === 1,
      30_000,
      'the dead letter counted',
    );
    expect(poisoned.nodes.reviews?.in.total).toBe(total + 1);
    expect(poisoned.nodes.reviews?.out.out?.total).toBe(total);
    first.child.kill('SIGTERM');
    await exitOf(first.child);
  }, 900_000);
});
