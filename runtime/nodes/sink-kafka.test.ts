import { describe, expect, it } from 'vitest';
import { partitionForKey } from '../engine/partitioner.ts';
import { harness, pipelineJson, planFor, reviewsSource } from './testing/harness.ts';

describe('the sink.kafka node', () => {
  it('writes JSON keyed by keyField, keeps tombstones, and declares its topic with its configs', () => {
    const sink = { id: 'out', type: 'sink.kafka', config: { topic: 'stats', keyField: 'courseId', compacted: true, partitions: 6 } };
    const driver = harness([reviewsSource, sink], ['reviews->out']);
    driver.send('reviews', [{ value: { id: 'r1', courseId: 'c1' } }, { key: 'c2', value: null }]);
    expect(driver.output('stats').map((record) => [record.key, record.value])).toEqual([
      ['c1', { id: 'r1', courseId: 'c1' }],
      ['c2', null],
    ]);
    expect(driver.output('stats')[0]?.partition).toBe(partitionForKey('c1', 6));
    const plan = planFor(pipelineJson([reviewsSource, sink], ['reviews->out']));
    expect(plan.topics.find((topic) => topic.name === 'stats')).toEqual({
      name: 'stats',
      partitions: 6,
      role: 'sink',
      config: { 'cleanup.policy': 'compact' },
    });
  });
});
