import { afterEach, describe, expect, it, vi } from 'vitest';
import reviewStats from '../../pipelines/review-stats.json';
import { PipelineRegistry } from './pipeline-registry.ts';
import { PipelineSupervisor } from './supervisor.ts';
import { MemoryPipelineStore } from './testing/memory-pipeline-store.ts';

afterEach(() => vi.useRealTimers());

describe('the supervisor’s metrics subscriptions', () => {
  it('go quiet, without throwing, when the pipeline they watch is deleted', async () => {
    vi.useFakeTimers();
    const store = new MemoryPipelineStore();
    const registry = new PipelineRegistry(store);
    await registry.deploy('review-stats', reviewStats);
    const supervisor = new PipelineSupervisor(registry, store, {
      createExecutor: () => {
        throw new Error('this test runs nothing');
      },
      resetStores: async () => {},
    });
    const frames: string[] = [];
    const unsubscribe = supervisor.subscribeMetrics('review-stats', (metrics) => frames.push(metrics.pipelineId));
    vi.advanceTimersByTime(1000);
    expect(frames).toEqual(['review-stats']);
    await registry.remove('review-stats');
    expect(() => vi.advanceTimersByTime(3000)).not.toThrow();
    expect(frames).toEqual(['review-stats']);
    unsubscribe();
  });
});
