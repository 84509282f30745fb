// The React Flow nodes and edges for the current document, reusing each node's data object when nothing about it
// changed so memoised node components skip re-rendering.
import { useMemo, useRef } from 'react';
import { formatRate } from '../metrics/figures.ts';
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

/**
 * Edges carry the live rate of their source port (`rates`, keyed `node:port`) as a label and as stroke width. An edge
 * whose rate and selection did not change keeps its object, so React Flow skips it.
 */
export function useFlowEdges(doc: DesignDocument, selection: Selection, rates: Readonly<Record<string, number>>): SluiceFlowEdge[] {
  const previous = useRef(new Map<string, { key: string; edge: SluiceFlowEdge }>());
  return useMemo(() => {
    const selected = new Set(selection.edgeKeys);
    const next = new Map<string, { key: string; edge: SluiceFlowEdge }>();
    const edges = toFlowEdges(doc).map((edge) => {
      const rate = rates[`${edge.source}:${edge.sourceHandle ?? ''}`];
      const key = `${rate}|${selected.has(edge.id)}`;
      const before = previous.current.get(edge.id);
      const flowEdge = before?.key === key ? before.edge : { ...edge, ...liveLook(rate), selected: selected.has(edge.id) };
      next.set(edge.id, { key, edge: flowEdge });
      return flowEdge;
    });
    previous.current = next;
    return edges;
  }, [doc, selection, rates]);
}

function liveLook(rate: number | undefined): Partial<SluiceFlowEdge> {
  if (rate === undefined) return {};
  return { label: `${formatRate(rate)}/s`, style: { strokeWidth: 1 + Math.min(6, Math.log10(1 + rate) * 2) }, animated: rate > 0 };
}
