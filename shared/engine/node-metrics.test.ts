import { describe, expect, it } from 'vitest';
import { validatePipeline } from '../index.ts';
import { harness, pipelineJson, reviewsSource, sinkTo } from '../nodes/testing/harness.ts';
import { nodeMetrics } from './node-metrics.ts';

const nodes = [reviewsSource, { id: 'good', type: 'filter', config: { expression: 'rating >= 3' } }, sinkTo('out', 'good-reviews')];
const edges = ['reviews->good', 'good->out'];

describe('nodeMetrics', () => {
  it('folds per-stage series into per-node figures with rates', () => {
    const driver = harness(nodes, edges);
    driver.send(
      'reviews',
      [1, 4, 3, 2, 5].map((rating, id) => ({ value: { id: `r${id}`, rating } })),
    );
    driver.advanceTime(1000);
    const validated = validatePipeline(pipelineJson(nodes, edges));
    if (!validated.ok) throw new Error('invalid test pipeline');
    const metrics = nodeMetrics(driver.metrics.snapshot(), validated.pipeline);
    expect(metrics.reviews?.in.total).toBe(5);
    expect(metrics.reviews?.out.out?.total).toBe(5);
    expect(metrics.good?.in.total).toBe(5);
    expect(metrics.good?.out.out?.total).toBe(3);
    expect(metrics.good?.dropped).toBe(2);
    expect(metrics.out?.in.total).toBe(3);
    expect(metrics.good?.in.rate1s).toBe(5);
  });
});
