import { describe, expect, it } from 'vitest';
import { routesOf } from '../../catalog/http-routes.ts';
import { catalog, configSchemas, type NodeType } from '../../catalog/index.ts';
import { type HarnessNode, harness, reviewsSource } from '../testing/harness.ts';
import { VIEW_HEADERS } from './implementation.ts';

const stats: HarnessNode = {
  id: 'stats',
  type: 'window',
  config: {
    keyField: 'courseId',
    eventTimeField: 'createdAt',
    idField: 'id',
    windows: [{ name: 'allTime', type: 'all-time' }],
    aggregates: [{ name: 'count', fn: 'count' }],
  },
};
const view = (config: Record<string, unknown> = {}): HarnessNode => ({
  id: 'courseStats',
  type: 'view.http',
  config: { path: '/api/courses/{courseId}/stats', keyField: 'courseId', ...config },
});

function endpointOf(type: NodeType, config: unknown) {
  const spec = catalog[type].endpoint?.(configSchemas[type].parse(config) as never, { pipelineId: 'p', nodeId: 'n' });
  if (!spec) throw new Error(`${type} serves no endpoint`);
  return spec;
}

describe('the view.http node', () => {
  it('writes the latest record per key to its compacted topic, with the event and processing time it reflects', () => {
    const driver = harness([reviewsSource, stats, view()], ['reviews->stats', 'stats->courseStats']);
    const topic = driver.plan.topics.find((candidate) => candidate.name === 'sluice.test.courseStats');
    expect(topic).toMatchObject({ role: 'sink', config: { 'cleanup.policy': 'compact' } });
    driver.send('reviews', [{ value: { id: 'r1', courseId: 'c1', createdAt: '2025-12-31T00:00:00Z' } }]);
    const [written] = driver.output('sluice.test.courseStats');
    expect(written?.key).toBe('c1');
    expect(written?.value).toMatchObject({ courseId: 'c1', allTime: { count: 1 } });
    expect(written?.headers[VIEW_HEADERS.processedAt]).toBe(new Date(driver.now()).toISOString());
    expect(written?.headers[VIEW_HEADERS.eventTime]).toBe('2025-12-31T00:00:00.000Z');
  });

  it('passes a deleted key on as a tombstone, so the replica forgets it', () => {
    const driver = harness([reviewsSource, stats, view({ topic: 'stats-view' })], ['reviews->stats', 'stats->courseStats']);
    driver.send('reviews', [
      { key: 'r1', value: { id: 'r1', courseId: 'c1', createdAt: '2025-12-31T00:00:00Z' } },
      { key: 'r1', value: null },
    ]);
    expect(driver.output('stats-view').map((record) => [record.key, record.value === null])).toEqual([
      ['c1', false],
      ['c1', true],
    ]);
  });

  it('serves GET <path> and the multi-key form at the path without its placeholder', () => {
    const config = configSchemas['view.http'].parse(view().config);
    expect(routesOf(endpointOf('view.http', view().config))).toEqual([
      { method: 'GET', path: '/api/courses/*/stats' },
      { method: 'GET', path: '/api/courses/stats' },
    ]);
    expect(config).toMatchObject({ keysParameter: 'keys', maxKeys: 100, noun: { one: 'item', many: 'items' } });
  });
});
