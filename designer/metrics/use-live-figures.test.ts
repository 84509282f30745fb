import { act, renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { chainOf, metricsFrame } from '../test-utils/large-document.ts';
import { clearMetrics, recordSnapshot } from './metrics-store.ts';
import { useEdgeRate, useNodeFigures } from './use-live-figures.ts';

const doc = chainOf(10);
beforeEach(() => clearMetrics());

/** Renders a hook and counts how often it renders. */
function counted<T>(hook: () => T) {
  const count = { renders: 0 };
  const rendered = renderHook(() => {
    count.renders++;
    return hook();
  });
  return { count, rendered };
}

describe('live figures', () => {
  it('wake an edge only when its shown rate changes', () => {
    const { count, rendered } = counted(() => useEdgeRate({ node: 'filter3', port: 'out' }, 'filter4'));
    expect(rendered.result.current).toBeUndefined();
    act(() => recordSnapshot(metricsFrame(doc, 5)));
    expect(rendered.result.current).toBe(5);
    const after = count.renders;
    act(() => recordSnapshot(metricsFrame(doc, 5, { filter4: 80, sink: 2 })));
    act(() => recordSnapshot(metricsFrame(doc, 5.01)));
    expect(count.renders).toBe(after);
    act(() => recordSnapshot(metricsFrame(doc, 5, { filter3: 9 })));
    expect(rendered.result.current).toBe(9);
    expect(count.renders).toBe(after + 1);
  });

  it("wake a node's badges only when one of its shown figures changes", () => {
    const { count, rendered } = counted(() => useNodeFigures('filter3'));
    act(() => recordSnapshot(metricsFrame(doc, 5)));
    expect(rendered.result.current).toMatchObject({ in: 5, out: 5, errors: 0, window: 10, stopped: false });
    const after = count.renders;
    act(() => recordSnapshot(metricsFrame(doc, 5, { filter4: 80 })));
    expect(count.renders).toBe(after);
    act(() => clearMetrics());
    expect(rendered.result.current).toBeUndefined();
  });
});
