// The React Flow nodes and edges for the current document, reusing each node's data object when nothing about it
// changed so memoised node components skip re-rendering.
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
  const previous = useRef(new Map<string, SluiceNodeData>());
  return useMemo(() => {
    const selected = new Set(selection.nodeIds);
    const nodes = toFlowNodes(doc, issueCounts).map((node) => {
      const before = previous.current.get(node.id);
      const data = before && sameData(before, node.data) ? before : node.data;
      const measured = sizes[node.id];
      return { ...node, data, selected: selected.has(node.id), ...(measured ? { measured } : {}) };
    });
    previous.current = new Map(nodes.map((node) => [node.id, node.data]));
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

/** The edges for the current document, selected as React Flow should show them; live rates are the edges' own. */
export function useFlowEdges(doc: DesignDocument, selection: Selection): SluiceFlowEdge[] {
  return useMemo(() => {
    const selected = new Set(selection.edgeKeys);
    return toFlowEdges(doc).map((edge) => ({ ...edge, selected: selected.has(edge.id) }));
  }, [doc, selection]);
}
