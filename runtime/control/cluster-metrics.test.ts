// The cluster-wide figures from the workers' reports: sums over workers, rates over the named window from samples of
// one clock, totals that survive a dead worker, history points and their lifecycle markers. The reports here are
// plain data (what runtime/kafka reads off the counters topic); integration/metrics/ runs the real thing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import reviewStats from '../../pipelines/review-stats.json';
import { ClusterMetrics } from './cluster-metrics.ts';
import type { ClusterSources, TaskReport, WorkerBeat } from './cluster-reports.ts';
import { MemoryHistory } from './metrics-history.ts';
import { PipelineRegistry } from './pipeline-registry.ts';
import { MemoryPipelineStore } from './testing/memory-pipeline-store.ts';

afterEach(() => vi.useRealTimers());

/** A task of the source's sub-topology that read and passed on `count` reviews. */
function sourceTask(task: string, worker: string, count: number, version = 1): TaskReport {
  return {
    task,
    version,
    worker,
    at: 0,
    counters: [
      ['sluice_records_in_total', { node: 'reviews', stage: 'source' }, count],
      ['sluice_records_out_total', { node: 'reviews', stage: 'source', port: 'out' }, count],
      ['sluice_node_outcomes_total', { node: 'reviews', outcome: 'passed', reason: '' }, count],
    ],
    gauges: [],
    histograms: [],
  };
}

function fakeSources() {
  const reports = new Map<string, TaskReport>();
  const beats = new Map<string, WorkerBeat>();
  const sources: ClusterSources = {
    follow: () => ({ ready: () => true, reports: () => reports.values(), beats: () => beats.values(), close: async () => {} }),
    lag: async () => ({
      reviews: {
        topic: 'reviews',
        total: 7,
        partitions: [{ partition: 0, end: 17, committed: 10, lag: 7 }],
        at: new Date(0).toISOString(),
      },
    }),
    deadLetters: async () => [],
  };
  return { sources, reports, beats };
}

async function setUp() {
  let now = Date.UTC(2026, 5, 1);
  const store = new MemoryPipelineStore();
  const registry = new PipelineRegistry(store, () => new Date(now));
  await registry.deploy('review-stats', reviewStats);
  const fake = fakeSources();
  const history = new MemoryHistory(() => now);
  const cluster = new ClusterMetrics(registry, fake.sources, { clock: () => now, history, workerTimeoutMs: 10_000 });
  const advance = (ms: number) => {
    now += ms;
    cluster.tick(now);
  };
  return { cluster, registry, ...fake, advance, now: () => now };
}

describe('cluster-wide figures', () => {
  it('add up every worker’s tasks, and measure rates over the named window', async () => {
    const { cluster, reports, advance } = await setUp();
    reports.set('a', sourceTask('a', 'w1', 100));
    reports.set('b', sourceTask('b', 'w2', 50));
    advance(1000);
    for (let second = 1; second <= 10; second++) {
      reports.set('a', sourceTask('a', 'w1', 100 + 20 * second));
      reports.set('b', sourceTask('b', 'w2', 50 + 10 * second));
      advance(1000);
    }
    const metrics = cluster.metrics('review-stats');
    expect(metrics.rateWindowSeconds).toBe(10);
    expect(metrics.nodes.reviews?.out.out).toEqual({ total: 450, rate: 30 });
    expect(metrics.nodes.reviews?.in.total).toBe(450);
    expect(metrics.edges.find((edge) => edge.to.node === 'spamFilter')).toMatchObject({ sent: 450, received: 0, rate: 30 });
  });

  it('count only the running version, since it was deployed', async () => {
    const { cluster, reports, registry, advance } = await setUp();
    reports.set('a', sourceTask('a', 'w1', 100));
    advance(1000);
    const changed = structuredClone(reviewStats) as { name: string };
    changed.name = 'Review statistics, renamed';
    await registry.deploy('review-stats', { ...changed, description: 'a new version' });
    reports.set('a2', sourceTask('a2', 'w1', 3, 2));
    advance(1000);
    const metrics = cluster.metrics('review-stats');
    expect(metrics.version).toBe(2);
    expect(metrics.nodes.reviews?.out.out?.total).toBe(3);
  });

  it('keep a dead worker’s totals, stop counting it as alive after the timeout, and never go down', async () => {
    const { cluster, reports, beats, advance, now } = await setUp();
    reports.set('a', sourceTask('a', 'w1', 100));
    reports.set('b', sourceTask('b', 'w2', 40));
    beats.set('w1', { worker: 'w1', version: 1, at: now(), tasks: ['a'] });
    beats.set('w2', { worker: 'w2', version: 1, at: now(), tasks: ['b'] });
    advance(1000);
    const seen: number[] = [];
    for (let second = 0; second < 15; second++) {
      beats.set('w1', { worker: 'w1', version: 1, at: now(), tasks: ['a', 'b'] }); // w2 is silent from here on
      advance(1000);
      seen.push(cluster.metrics('review-stats').nodes.reviews?.in.total ?? 0);
    }
    expect(seen.every((total, index) => total === 140 && (index === 0 || total >= (seen[index - 1] ?? 0)))).toBe(true);
    const workers = cluster.metrics('review-stats').workers;
    expect(workers.map((worker) => [worker.id, worker.alive])).toEqual([
      ['w1', true],
      ['w2', false],
    ]);
    expect(cluster.metrics('review-stats').nodes.reviews?.in.rate).toBe(0);
  });

  it('serve lag from the broker, also while the pipeline is stopped', async () => {
    const { cluster, registry, advance } = await setUp();
    await registry.setDesired('review-stats', 'stopped');
    advance(1000);
    await vi.waitFor(() => expect(cluster.metrics('review-stats').nodes.reviews?.lag?.total).toBe(7));
    expect(cluster.metrics('review-stats').running).toBe(false);
  });

  it('keep a history point every 10 s and mark deploys, stops and starts', async () => {
    const { cluster, registry, reports, advance } = await setUp();
    for (let second = 0; second <= 30; second++) {
      reports.set('a', sourceTask('a', 'w1', 5 * second));
      advance(1000);
    }
    await registry.setDesired('review-stats', 'stopped');
    await registry.setDesired('review-stats', 'running');
    const history = cluster.history('review-stats', 24);
    expect(history.points.length).toBeGreaterThanOrEqual(2);
    expect(history.points.at(-1)?.nodes.reviews?.out).toBe(5);
    expect(history.events.map((event) => event.kind)).toEqual(['deployed', 'stopped', 'started']);
  });

  it('let subscriptions go quiet, without throwing, when the pipeline they watch is deleted', async () => {
    const { cluster, registry, advance } = await setUp();
    const frames: string[] = [];
    cluster.subscribe('review-stats', (metrics) => frames.push(metrics.pipelineId));
    advance(1000);
    expect(frames).toEqual(['review-stats']);
    await registry.remove('review-stats');
    expect(() => advance(3000)).not.toThrow();
    expect(frames).toEqual(['review-stats']);
    expect(() => cluster.metrics('review-stats')).toThrow(/No pipeline/);
  });
});
