import { describe, expect, it } from 'vitest';
import { partitionForKey } from '../../engine/partitioner.ts';
import { harness, pipelineJson, planFor, reviewsSource } from '../testing/harness.ts';

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

describe('the topic a sink.kafka node creates', () => {
  const topicOf = (config: Record<string, unknown>) => {
    const sink = { id: 'out', type: 'sink.kafka', config: { topic: 'valid', ...config } };
    return planFor(pipelineJson([reviewsSource, sink], ['reviews->out'])).topics.find((topic) => topic.name === 'valid');
  };

  it('keeps records forever by default, whatever their timestamps (no broker default of 7 days)', () => {
    expect(topicOf({})?.config).toEqual({ 'cleanup.policy': 'delete', 'retention.ms': '-1', 'retention.bytes': '-1' });
  });

  it('keeps them for the retention the node states', () => {
    expect(topicOf({ retention: '30d' })?.config).toEqual({ 'cleanup.policy': 'delete', 'retention.ms': String(30 * 86_400_000) });
  });
});

describe('the internal topics of a plan', () => {
  it('never lose records to retention: repartition and dead-letter topics have no time or size limit', () => {
    const plan = planFor(
      pipelineJson(
        [
          reviewsSource,
          {
            id: 'byCourse',
            type: 'window',
            config: {
              keyField: 'courseId',
              eventTimeField: 'createdAt',
              windows: [{ name: 'all', type: 'all-time' }],
              aggregates: [{ name: 'n', fn: 'count' }],
            },
          },
          { id: 'out', type: 'sink.kafka', config: { topic: 'stats' } },
        ],
        ['reviews->byCourse', 'byCourse->out'],
      ),
    );
    const internal = plan.topics.filter((topic) => topic.role === 'repartition' || topic.role === 'dlq');
    expect(internal.map((topic) => topic.role).sort()).toEqual(['dlq', 'repartition']);
    for (const topic of internal) expect(topic.config).toMatchObject({ 'retention.ms': '-1', 'retention.bytes': '-1' });
  });
});
