import { describe, expect, it } from 'vitest';
import { documentWith } from '../test-utils/documents.ts';
import { removeNodes } from './edits.ts';
import { applySelectChanges, EMPTY_SELECTION, inspected, pruneSelection, selectAll } from './selection.ts';

const doc = documentWith(
  [
    ['reviews', 'source.kafka'],
    ['keep', 'filter'],
    ['out', 'sink.kafka'],
  ],
  [
    ['reviews:out', 'keep:in'],
    ['keep:out', 'out:in'],
  ],
);
const select = (id: string, selected = true) => ({ type: 'select' as const, id, selected });

describe('selection from React Flow’s changes', () => {
  it('a click selects the node and deselects what was selected', () => {
    const before = { nodeIds: ['reviews'], edgeKeys: ['reviews:out->keep:in'] };
    const after = applySelectChanges(before, [select('reviews', false), select('keep')], [select('reviews:out->keep:in', false)]);
    expect(after).toEqual({ nodeIds: ['keep'], edgeKeys: [] });
    expect(inspected(after)).toEqual({ kind: 'node', nodeId: 'keep' });
  });

  it('a shift-click or a box adds to the selection', () => {
    const after = applySelectChanges({ nodeIds: ['reviews'], edgeKeys: [] }, [select('keep'), select('out')], []);
    expect(after.nodeIds).toEqual(['reviews', 'keep', 'out']);
    expect(inspected(after)).toEqual({ kind: 'many', nodes: 3, edges: 0 });
  });

  it('a click on an edge selects the edge alone, and the inspector shows it', () => {
    const after = applySelectChanges({ nodeIds: ['out'], edgeKeys: [] }, [select('out', false)], [select('keep:out->out:in')]);
    expect(inspected(after)).toEqual({ kind: 'edge', edgeKey: 'keep:out->out:in' });
  });

  it('a click on the pane clears it, and the inspector shows the pipeline', () => {
    const after = applySelectChanges({ nodeIds: ['out'], edgeKeys: [] }, [select('out', false)], []);
    expect(inspected(after)).toEqual({ kind: 'pipeline' });
  });

  it('keeps the same object when the changes select nothing new, and ignores other changes', () => {
    const before = { nodeIds: ['keep'], edgeKeys: [] };
    const moves = [{ type: 'position' as const, id: 'keep', position: { x: 1, y: 1 } }, select('keep'), select('out', false)];
    expect(applySelectChanges(before, moves, [])).toBe(before);
  });

  it('selects everything with Ctrl+A', () => {
    expect(selectAll(doc)).toEqual({ nodeIds: ['reviews', 'keep', 'out'], edgeKeys: ['reviews:out->keep:in', 'keep:out->out:in'] });
  });

  it('forgets what the document no longer has', () => {
    const everything = selectAll(doc);
    expect(pruneSelection(everything, removeNodes(doc, new Set(['keep'])))).toEqual({ nodeIds: ['reviews', 'out'], edgeKeys: [] });
    expect(pruneSelection(everything, doc)).toBe(everything);
    expect(pruneSelection(EMPTY_SELECTION, doc)).toBe(EMPTY_SELECTION);
  });
});
