// The throughput routes on the runtime's own server, over the real cluster figures fed by fixed reports.
import { describe, expect, it } from 'vitest';
import reviewStats from '../../../pipelines/review-stats.json';
import { ClusterMetrics } from '../../control/cluster-metrics.ts';
import type { ClusterSources, TaskReport } from '../../control/cluster-reports.ts';
import { PipelineRegistry } from '../../control/pipeline-registry.ts';
import { PipelineSupervisor } from '../../control/supervisor.ts';
import { MemoryPipelineStore } from '../../control/testing/memory-pipeline-store.ts';
import { buildServer } from '../server.ts';

const report: TaskReport = {
  task: 'review-stats.0.0',
  version: 1,
  worker: 'w1',
  at: 0,
  counters: [
    ['sluice_records_in_total', { node: 'reviews', stage: 'source' }, 5],
    ['sluice_records_out_total', { node: 'reviews', stage: 'source', port: 'out' }, 4],
    ['sluice_node_outcomes_total', { node: 'reviews', outcome: 'passed', reason: '' }, 4],
    ['sluice_node_outcomes_total', { node: 'reviews', outcome: 'dead-lettered', reason: 'invalid-json' }, 1],
  ],
  gauges: [],
  histograms: [['sluice_processing_time_ms', { node: 'spamFilter', stage: 'rules' }, [3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0.2, 4]],
};
const letter = {
  node: 'reviews',
  reason: 'invalid-json',
  error: 'Unexpected token',
  at: new Date(0).toISOString(),
  key: 'x',
  value: '{no',
};

async function server() {
  const store = new MemoryPipelineStore();
  const registry = new PipelineRegistry(store);
  await registry.deploy('review-stats', reviewStats);
  const sources: ClusterSources = {
    follow: () => ({ ready: () => true, reports: () => [report], beats: () => [], close: async () => {} }),
    lag: async () => ({}),
    deadLetters: async (_id, node) => (node === 'reviews' ? [letter] : []),
  };
  const throughput = new ClusterMetrics(registry, sources);
  throughput.tick();
  const pipelines = new PipelineSupervisor(registry, store, {
    createExecutor: () => {
      throw new Error('these tests run nothing');
    },
    resetStores: async () => {},
  });
  return buildServer({
    control: { kafkaHealth: async () => ({ connected: true, brokers: [] }), pipelines, throughput },
  });
}

describe('the throughput routes', () => {
  it('answer the figures, the history and the dead letters of a node', async () => {
    const app = await server();
    const metrics = await app.inject({ method: 'GET', url: '/api/pipelines/review-stats/metrics' });
    expect(metrics.json().nodes.reviews.accounting).toMatchObject({ in: 5, passedOn: 4, deadLettered: { 'invalid-json': 1 } });
    const history = await app.inject({ method: 'GET', url: '/api/pipelines/review-stats/metrics/history' });
    expect(history.json()).toMatchObject({ pipelineId: 'review-stats', intervalSeconds: 10, events: [{ kind: 'deployed', version: 1 }] });
    const letters = await app.inject({ method: 'GET', url: '/api/pipelines/review-stats/dead-letters?node=reviews&limit=5' });
    expect(letters.json()).toEqual({ deadLetters: [letter] });
    await app.close();
  });

  it('refuse what they cannot answer with the one error shape', async () => {
    const app = await server();
    for (const [url, status] of [
      ['/api/pipelines/review-stats/metrics/history?hours=0', 400],
      ['/api/pipelines/review-stats/metrics/history?hours=1.5', 400],
      ['/api/pipelines/review-stats/dead-letters?limit=1000', 400],
      ['/api/pipelines/review-stats/dead-letters?node=nope', 404],
      ['/api/pipelines/nope/metrics', 404],
    ] as const) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(status);
      expect(response.json().error.code, url).toBeTruthy();
    }
    await app.close();
  });

  it('serve the same cluster totals to Prometheus, with the histogram as cumulative buckets', async () => {
    const app = await server();
    const page = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(page).toContain('sluice_records_in_total{pipeline="review-stats",node="reviews"} 5');
    expect(page).toContain(
      'sluice_node_outcomes_total{pipeline="review-stats",node="reviews",outcome="dead-lettered",reason="invalid-json"} 1',
    );
    expect(page).toContain('sluice_processing_time_ms_bucket{pipeline="review-stats",node="spamFilter",le="0.1"} 4');
    expect(page).toContain('sluice_processing_time_ms_bucket{pipeline="review-stats",node="spamFilter",le="+Inf"} 4');
    await app.close();
  });
});
