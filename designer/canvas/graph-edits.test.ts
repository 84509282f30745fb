import { describe, expect, it } from 'vitest';
import { edgeKey } from '../store/edits.ts';
import { documentWith } from '../test-utils/documents.ts';
import { disconnect, duplicate, spliceIntoEdge } from './graph-edits.ts';

const doc = documentWith(
  [
    ['reviews', 'source.kafka'],
    ['out', 'sink.kafka'],
  ],
  [['reviews:out', 'out:in']],
);
const key = 'reviews:out->out:in';

describe('compound canvas edits', () => {
  it('splices a filter into an edge: A → filter → B, the filter between them', () => {
    const outcome = spliceIntoEdge(doc, key, 'filter');
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.nodeIds).toEqual(['filter']);
    expect(outcome.doc.edges.map(edgeKey)).toEqual(['reviews:out->filter:in', 'filter:out->out:in']);
    // The test nodes are 100 px apart, not a column: the filter goes after the source and the sink moves right.
    expect(outcome.doc.layout?.nodes.filter).toEqual({ x: 260, y: 0 });
    expect(outcome.doc.layout?.nodes.out).toEqual({ x: 360, y: 0 });
    expect(outcome.doc.layout?.nodes.reviews).toEqual({ x: 0, y: 0 });
  });

  it('puts the spliced node halfway when there is room, moving nothing', () => {
    const wide = { ...doc, layout: { nodes: { reviews: { x: 0, y: 0 }, out: { x: 800, y: 100 } } } };
    const outcome = spliceIntoEdge(wide, key, 'filter');
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.doc.layout?.nodes).toEqual({ reviews: { x: 0, y: 0 }, out: { x: 800, y: 100 }, filter: { x: 400, y: 50 } });
  });

  it('refuses to splice a node that cannot sit inside an edge, or one the validator would refuse', () => {
    const sink = spliceIntoEdge(doc, key, 'sink.postgres');
    expect(sink).toEqual({ ok: false, reason: expect.stringContaining('needs an input and an output') });
    // The test source sets no key, and a window needs keyed records.
    const window = spliceIntoEdge(doc, key, 'window');
    expect(window.ok).toBe(false);
    if (!window.ok) expect(window.reason).toMatch(/needs keyed records/);
    expect(spliceIntoEdge(doc, 'gone', 'filter').ok).toBe(false);
  });

  it('disconnects a node from everything', () => {
    expect(disconnect(doc, 'out').edges).toEqual([]);
    expect(disconnect(doc, 'nothing').edges).toHaveLength(1);
  });

  it('duplicates nodes with the edges between them under fresh ids', () => {
    const outcome = duplicate(doc, ['reviews', 'out']);
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.nodeIds).toEqual(['reviews2', 'out2']);
    expect(outcome.doc.edges.map(edgeKey)).toContain('reviews2:out->out2:in');
    expect(duplicate(doc, []).ok).toBe(false);
  });
});
