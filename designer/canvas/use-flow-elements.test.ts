import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION } from '../store/designer-store.ts';
import { moveNodes } from '../store/edits.ts';
import { chainOf } from '../test-utils/large-document.ts';
import { useFlowEdges, useFlowNodes } from './use-flow-elements.ts';

const doc = chainOf(300);
const noIssues = new Map<string, number>();

describe('flow elements while a box is dragged among 300', () => {
  it('hands React Flow the same objects for every node but the moved one', () => {
    const { result, rerender } = renderHook(({ current }) => useFlowNodes(current, noIssues, EMPTY_SELECTION, {}), {
      initialProps: { current: doc },
    });
    const before = result.current;
    rerender({ current: moveNodes(doc, { filter7: { x: 5, y: 5 } }) });
    const changed = result.current.filter((node, index) => node !== before[index]).map((node) => node.id);
    expect(changed).toEqual(['filter7']);
    expect(result.current[7]?.data).toBe(before[7]?.data);
  });

  it('hands React Flow the same edges, since moving is a layout change', () => {
    const moved = moveNodes(doc, { filter7: { x: 5, y: 5 } });
    const { result, rerender } = renderHook(({ current }) => useFlowEdges(current.edges, EMPTY_SELECTION), {
      initialProps: { current: doc },
    });
    const before = result.current;
    rerender({ current: moved });
    expect(result.current).toBe(before);
  });
});
