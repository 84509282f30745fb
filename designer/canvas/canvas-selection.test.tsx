// Selection on the real canvas (React Flow in jsdom): a click selects, the inspector follows, and the path behind
// React error #185 (leave the designer with a node selected, come back) renders once and keeps the selection.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ReactFlowProvider } from '@xyflow/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Inspector } from '../inspector/Inspector.tsx';
import { designerStore, openDocument } from '../store/designer-store.ts';
import { documentWith } from '../test-utils/documents.ts';
import { prepareReactFlowForJsdom } from '../test-utils/react-flow-in-jsdom.ts';
import { Canvas } from './Canvas.tsx';

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

function designer() {
  return render(
    <ReactFlowProvider>
      <Canvas />
      <Inspector />
    </ReactFlowProvider>,
  );
}

const node = (id: string) => document.querySelector(`.react-flow__node[data-id="${id}"]`) as HTMLElement;

beforeAll(prepareReactFlowForJsdom);
afterEach(cleanup);

describe('selecting on the canvas', () => {
  it('selects the clicked node, and the inspector edits that node', () => {
    openDocument(doc);
    designer();
    fireEvent.click(node('keep'));
    expect(designerStore.get().selection.nodeIds).toEqual(['keep']);
    expect(screen.getByTestId('node-inspector').getAttribute('data-node-id')).toBe('keep');
    fireEvent.click(node('out'));
    expect(designerStore.get().selection.nodeIds).toEqual(['out']);
    expect(screen.getByTestId('node-inspector').getAttribute('data-node-id')).toBe('out');
  });

  it('adds to the selection with shift-click, and the inspector says how many', () => {
    openDocument(doc);
    designer();
    fireEvent.click(node('keep'));
    // React Flow follows the Shift key itself, as a person holds it down.
    fireEvent.keyDown(document, { key: 'Shift' });
    fireEvent.click(node('out'), { shiftKey: true });
    fireEvent.keyUp(document, { key: 'Shift' });
    expect(designerStore.get().selection.nodeIds).toEqual(['keep', 'out']);
    expect(screen.getByTestId('many-selected').textContent).toContain('2 nodes selected');
  });

  it('clears with Escape, selects all with Ctrl+A, deletes the selection with Delete', () => {
    openDocument(doc);
    designer();
    fireEvent.click(node('keep'));
    act(() => void fireEvent.keyDown(window, { key: 'Escape' }));
    expect(screen.getByTestId('inspector').getAttribute('data-shows')).toBe('pipeline');
    act(() => void fireEvent.keyDown(window, { key: 'a', ctrlKey: true }));
    fireEvent.keyUp(window, { key: 'a', ctrlKey: true });
    expect(designerStore.get().selection.edgeKeys).toHaveLength(2);
    expect(screen.getByTestId('many-selected').textContent).toContain('3 nodes and 2 edges selected');
    // A click on a node that is already part of the selection keeps the selection (to drag it all); start afresh.
    act(() => void fireEvent.keyDown(window, { key: 'Escape' }));
    fireEvent.click(node('keep'));
    act(() => void fireEvent.keyDown(window, { key: 'Delete' }));
    expect(designerStore.get().history.present.nodes.map((n) => n.id)).toEqual(['reviews', 'out']);
    expect(designerStore.get().history.present.edges).toEqual([]);
    expect(designerStore.get().selection.nodeIds).toEqual([]);
  });

  it('comes back to a selected node after leaving the page, without an update loop', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    openDocument(doc);
    const first = designer();
    fireEvent.click(node('keep'));
    first.unmount(); // to the Pipelines page
    designer(); // and back
    expect(errors.mock.calls.flat().join(' ')).not.toMatch(/Maximum update depth/);
    expect(designerStore.get().selection.nodeIds).toEqual(['keep']);
    expect(node('keep').classList.contains('selected')).toBe(true);
    expect(screen.getByTestId('node-inspector').getAttribute('data-node-id')).toBe('keep');
    errors.mockRestore();
  });
});
