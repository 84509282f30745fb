import { describe, expect, it } from 'vitest';
import { validPipeline } from '../validation/test-pipelines.ts';
import { diffIsEmpty, diffPipelines, valueChanges } from './diff.ts';

const before = validPipeline();

describe('the node-by-node diff of two versions', () => {
  it('finds nothing between a pipeline and itself, however its boxes moved', () => {
    const moved = { ...before, layout: { nodes: { reviews: { x: 99, y: 1 } } } };
    const diff = diffPipelines(before, moved);
    expect(diffIsEmpty(diff)).toBe(true);
    expect(diff.nodes.unchanged).toHaveLength(before.nodes.length);
  });

  it('names the config field that changed in which node, with both values', () => {
    const after = structuredClone(before);
    const stats = after.nodes.find((node) => node.id === 'stats');
    if (stats?.type !== 'window') throw new Error('the test pipeline has a window called stats');
    stats.config.windows = [{ name: 'hourly', type: 'tumbling', size: '2h' }];
    const diff = diffPipelines(before, after);
    expect(diff.nodes.changed).toEqual([{ id: 'stats', type: 'window', config: [{ path: '/windows/0/size', before: '1h', after: '2h' }] }]);
    expect(diff.nodes.unchanged).not.toContain('stats');
  });

  it('lists added and removed nodes and edges', () => {
    const after = structuredClone(before);
    after.nodes = after.nodes.filter((node) => node.id !== 'otherTable');
    after.edges = after.edges.filter((edge) => edge.to.node !== 'otherTable');
    after.nodes.push({ id: 'spamOut', type: 'sink.kafka', config: { topic: 'spam', partitions: 3, compacted: false } } as never);
    after.edges.push({ from: { node: 'spamFilter', port: 'spam' }, to: { node: 'spamOut', port: 'in' } });
    const diff = diffPipelines(before, after);
    expect(diff.nodes.added).toEqual([{ id: 'spamOut', type: 'sink.kafka' }]);
    expect(diff.nodes.removed).toEqual([{ id: 'otherTable', type: 'sink.postgres' }]);
    expect(diff.edges.added).toEqual([{ from: { node: 'spamFilter', port: 'spam' }, to: { node: 'spamOut', port: 'in' } }]);
    expect(diff.edges.removed).toEqual([{ from: { node: 'route', port: 'otherwise' }, to: { node: 'otherTable', port: 'in' } }]);
  });

  it('treats every node of a first version as added', () => {
    const diff = diffPipelines(undefined, before);
    expect(diff.nodes.added.map((node) => node.id)).toEqual(before.nodes.map((node) => node.id));
    expect(diff.edges.added).toHaveLength(before.edges.length);
    expect(diff.fields).toEqual([]);
  });

  it('names a renamed pipeline', () => {
    expect(diffPipelines(before, { ...before, name: 'Renamed' }).fields).toEqual([
      { path: '/name', before: before.name, after: 'Renamed' },
    ]);
  });

  it('says when a node changed its type', () => {
    const after = structuredClone(before);
    after.nodes = after.nodes.map((node) =>
      node.id === 'statsTopic' ? ({ id: 'statsTopic', type: 'sink.postgres', config: {} } as never) : node,
    );
    expect(diffPipelines(before, after).nodes.changed[0]).toMatchObject({
      id: 'statsTopic',
      type: 'sink.postgres',
      typeBefore: 'sink.kafka',
    });
  });
});

describe('value changes', () => {
  it('reports a list that grew as one change of the whole list', () => {
    expect(valueChanges({ tags: ['a'] }, { tags: ['a', 'b'] })).toEqual([{ path: '/tags', before: ['a'], after: ['a', 'b'] }]);
  });

  it('escapes keys as JSON pointers do', () => {
    expect(valueChanges({ 'a/b': 1 }, { 'a/b': 2 })).toEqual([{ path: '/a~1b', before: 1, after: 2 }]);
  });
});
