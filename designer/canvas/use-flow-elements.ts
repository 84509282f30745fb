// The React Flow nodes and edges for the current document. A node whose data, position, selection and size did not
// change keeps its object, so React Flow skips it entirely: dragging one box among 300 re-renders one box.
import { useMemo, useRef } from 'react';
import type { Selection } from '../store/designer-store.ts';
import type { DesignDocument } from '../store/document.ts';
import { type SluiceFlowEdge, type SluiceFlowNode, type SluiceNodeData, toFlowEdges, toFlowNodes } from '../store/flow-conversion.ts';

export type MeasuredSizes = Record<string, { width: number; height: number }>;

/** `sizes` are what React Flow measured; handing them back keeps it from hiding and re-measuring every node. */
export function useFlowNodes(
  doc: DesignDocument,
  issueCounts: ReadonlyMap<string, number>,
  selection: Selection,
  sizes: MeasuredSizes,
): SluiceFlowNode[] {
  const previous = useRef(new Map<string, SluiceFlowNode>());
  return useMemo(() => {
    const selected = new Set(selection.nodeIds);
    const nodes = toFlowNodes(doc, issueCounts).map((fresh) => {
      const before = previous.current.get(fresh.id);
      const data = before && sameData(before.data, fresh.data) ? before.data : fresh.data;
      const measured = sizes[fresh.id];
      const unchanged =
        before?.data === data &&
        before.position.x === fresh.position.x &&
        before.position.y === fresh.position.y &&
        before.selected === selected.has(fresh.id) &&
        before.measured === measured;
      return unchanged ? before : { ...fresh, data, selected: selected.has(fresh.id), ...(measured ? { measured } : {}) };
    });
    previous.current = new Map(nodes.map((node) => [node.id, node]));
    return nodes;
  }, [doc, issueCounts, selection, sizes]);
}

function sameData(a: SluiceNodeData, b: SluiceNodeData): boolean {
  return (
    a.config === b.config &&
    a.nodeType === b.nodeType &&
    a.issueCount === b.issueCount &&
    a.inputs.join() === b.inputs.join() &&
    a.outputs.join() === b.outputs.join()
  );
}

/**
 * The edges for the current document, selected as React Flow should show them; live rates are the edges' own. They
 * depend on the document's edges only, so moving boxes (a layout change) hands React Flow the very same edges.
 */
export function useFlowEdges(edges: DesignDocument['edges'], selection: Selection): SluiceFlowEdge[] {
  return useMemo(() => {
    const selected = new Set(selection.edgeKeys);
    return toFlowEdges(edges).map((edge) => ({ ...edge, selected: selected.has(edge.id) }));
  }, [edges, selection]);
}
