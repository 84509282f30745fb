import { describe, expect, it } from 'vitest';
import type { Edge } from '../schema/pipeline.ts';
import { connectionIssues, type DraftGraph } from './connection.ts';

const graph: DraftGraph = {
  nodes: [
    { id: 'keyed', type: 'source.kafka', config: { topic: 'reviews', keyField: 'id' } },
    { id: 'unkeyed', type: 'source.kafka', config: { topic: 'clicks' } },
    { id: 'spam', type: 'spam-filter', config: {} },
    { id: 'keep', type: 'filter', config: { expression: 'rating >= 1' } },
    { id: 'stats', type: 'window', config: { keyField: 'courseId', windows: [{ name: 'all', type: 'all-time' }], aggregates: [] } },
    // Still being filled in: the topic is empty, which the validator reports, but it may be connected meanwhile.
    { id: 'out', type: 'sink.kafka', config: { topic: '' } },
    // Nothing feeds it yet, and its condition is still empty.
    { id: 'lonely', type: 'filter', config: { expression: '' } },
  ],
  edges: [
    { from: { node: 'keyed', port: 'out' }, to: { node: 'spam', port: 'in' } },
    { from: { node: 'spam', port: 'valid' }, to: { node: 'keep', port: 'in' } },
  ],
};

const edge = (from: string, to: string): Edge => {
  const [fromNode = '', fromPort = 'out'] = from.split('.');
  const [toNode = '', toPort = 'in'] = to.split('.');
  return { from: { node: fromNode, port: fromPort }, to: { node: toNode, port: toPort } };
};

describe('checking a connection while it is drawn', () => {
  it('allows an edge between an output and an input, into a sink not configured yet', () => {
    expect(connectionIssues(graph, edge('keep.out', 'out.in'))).toEqual([]);
  });

  it('does not refuse an edge that only leaves the drawing unfinished (a node no source reaches yet)', () => {
    expect(connectionIssues(graph, edge('lonely.out', 'out.in'))).toEqual([]);
  });

  it.each([
    ['source-has-input', edge('keep.out', 'unkeyed.in')],
    ['sink-has-output', edge('out.out', 'keep.in')],
    ['edge-unknown-port', edge('spam.maybe', 'out.in')],
    ['edge-unknown-port', edge('spam.spam', 'out.side')],
    ['edge-unknown-node', edge('ghost.out', 'keep.in')],
    ['duplicate-edge', edge('keyed.out', 'spam.in')],
    ['cycle', edge('keep.out', 'spam.in')],
    ['cycle', edge('keep.out', 'keep.in')],
    ['input-not-keyed', edge('unkeyed.out', 'stats.in')],
  ])('refuses with the validator’s %s rule and its message', (code, attempt) => {
    const issues = connectionIssues(graph, attempt);
    expect(issues.map((issue) => issue.code)).toContain(code);
    expect(issues.every((issue) => issue.message.length > 10)).toBe(true);
  });

  it('refuses an unkeyed edge into a node that feeds a window, naming the window’s edge', () => {
    const feeding = { ...graph, edges: [...graph.edges, edge('keep.out', 'stats.in')] };
    const issues = connectionIssues(feeding, edge('unkeyed.out', 'keep.in'));
    expect(issues).toEqual([expect.objectContaining({ code: 'input-not-keyed', nodeId: 'stats', path: '/edges/2' })]);
  });
});
