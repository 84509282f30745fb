// 300 nodes on the canvas: a metrics tick must not re-render every node. Node components are memoised and never
// re-render for metrics; each node's badges re-render only when a figure they show changes. Counted, not timed.

import { act, cleanup, render } from '@testing-library/react';
import { ReactFlowProvider } from '@xyflow/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { clearMetrics, recordSnapshot } from '../metrics/metrics-store.ts';
import { openDocument } from '../store/designer-store.ts';
import { chainOf, metricsFrame } from '../test-utils/large-document.ts';
import { prepareReactFlowForJsdom } from '../test-utils/react-flow-in-jsdom.ts';
import { Canvas } from './Canvas.tsx';

const renders = vi.hoisted(() => ({ node: new Map<string, number>(), badges: new Map<string, number>() }));

// Counts both without changing them: the wrapper renders exactly when its parent (the node) renders; the profiler
// reports every commit of the real badges, whether the node or the badges' own store subscription caused it.
vi.mock('./NodeBadges.tsx', async (importOriginal) => {
  const { createElement, Profiler } = await import('react');
  const { NodeBadges } = await importOriginal<typeof import('./NodeBadges.tsx')>();
  const count = (map: Map<string, number>, id: string) => map.set(id, (map.get(id) ?? 0) + 1);
  return {
    NodeBadges(props: Parameters<typeof NodeBadges>[0]) {
      count(renders.node, props.nodeId);
      return createElement(
        Profiler,
        { id: props.nodeId, onRender: (id: string) => count(renders.badges, id) },
        createElement(NodeBadges, props),
      );
    },
  };
});

const NODES = 300;
const doc = chainOf(NODES);
const sum = (map: Map<string, number>) => [...map.values()].reduce((total, n) => total + n, 0);
function tick(frame: Parameters<typeof recordSnapshot>[0]) {
  renders.node.clear();
  renders.badges.clear();
  act(() => recordSnapshot(frame));
}

beforeAll(() => {
  prepareReactFlowForJsdom();
  clearMetrics();
  openDocument(doc);
  render(
    <ReactFlowProvider>
      <Canvas />
    </ReactFlowProvider>,
  );
});
afterAll(cleanup);

describe(`the canvas with ${NODES} nodes`, () => {
  it('draws every node', () => {
    expect(document.querySelectorAll('.react-flow__node')).toHaveLength(NODES);
    expect(renders.node.size).toBe(NODES);
  });

  it('shows the first metrics on every node without re-rendering any node', () => {
    tick(metricsFrame(doc, 12));
    expect(sum(renders.node)).toBe(0);
    expect(renders.badges.size).toBe(NODES);
    expect(document.querySelectorAll('[data-testid^="node-rates-"]')).toHaveLength(NODES);
  });

  it('re-renders nothing for a tick whose figures look the same', () => {
    tick(metricsFrame(doc, 12.2)); // shown as 12/s, like before
    expect(sum(renders.node)).toBe(0);
    expect(sum(renders.badges)).toBe(0);
  });

  it('re-renders only the badges of the nodes whose figures changed', () => {
    tick(metricsFrame(doc, 12, { filter7: 40, filter8: 41, sink: 3 }));
    expect(sum(renders.node)).toBe(0);
    expect([...renders.badges.keys()].sort()).toEqual(['filter7', 'filter8', 'sink']);
    expect(document.querySelector('[data-testid="node-rates-filter7"]')?.textContent).toContain('in 40/s');
  });
});
