// Pipeline → React Flow, pure: positions come from `layout` (never from config), and the flow carries everything the
// document says (the round-trip test reads it back), so the canvas can never drift from the document. Changes go the
// other way as document edits (store/edits.ts), never by reading the flow back.
import type { Edge as FlowEdge, Node as FlowNode } from '@xyflow/react';
import { declarationOf, type Edge, type NodeType } from '../../shared/index.ts';
import type { DesignDocument, DraftNode, Position } from './document.ts';
import { edgeKey } from './edits.ts';
import { inputPorts, outputPorts } from './ports.ts';

export type SluiceNodeData = {
  nodeType: NodeType;
  config: Record<string, unknown>;
  label: string;
  icon: string;
  color: string;
  inputs: string[];
  outputs: string[];
  issueCount: number;
};

export type SluiceFlowNode = FlowNode<SluiceNodeData, 'sluice'>;
export type SluiceFlowEdge = FlowEdge<{ edge: Edge }, 'live'>;

/** Where a node without a layout entry goes: a simple grid, so a file written by hand still draws legibly. */
function fallbackPosition(index: number): Position {
  return { x: 40 + (index % 4) * 260, y: 40 + Math.floor(index / 4) * 160 };
}

export function toFlowNodes(doc: DesignDocument, issueCounts: ReadonlyMap<string, number> = new Map()): SluiceFlowNode[] {
  return doc.nodes.map((node, index) =>
    toFlowNode(node, doc.layout?.nodes[node.id] ?? fallbackPosition(index), issueCounts.get(node.id) ?? 0),
  );
}

function toFlowNode(node: DraftNode, position: Position, issueCount: number): SluiceFlowNode {
  const declaration = declarationOf(node.type);
  return {
    id: node.id,
    type: 'sluice',
    position,
    data: {
      nodeType: node.type,
      config: node.config,
      label: declaration.label,
      icon: declaration.icon,
      color: declaration.color,
      inputs: inputPorts(node).map((port) => port.name),
      outputs: outputPorts(node).map((port) => port.name),
      issueCount,
    },
  };
}

export function toFlowEdges(edges: DesignDocument['edges']): SluiceFlowEdge[] {
  return edges.map((edge) => ({
    id: edgeKey(edge),
    type: 'live',
    source: edge.from.node,
    sourceHandle: edge.from.port,
    target: edge.to.node,
    targetHandle: edge.to.port,
    data: { edge },
  }));
}
