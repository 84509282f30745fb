// Pipeline ⇄ React Flow. Pure both ways: positions come from `layout` (never from config), and reading the flow back
// yields the same document, so the canvas can never drift from the document.
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
export function fallbackPosition(index: number): Position {
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

/** Reads the flow back into a document; everything the flow does not draw (name, description…) comes from `base`. */
export function fromFlow(nodes: readonly SluiceFlowNode[], edges: readonly SluiceFlowEdge[], base: DesignDocument): DesignDocument {
  return {
    ...base,
    nodes: nodes.map((node) => ({ id: node.id, type: node.data.nodeType, config: node.data.config })),
    edges: edges.map((edge) => ({
      from: { node: edge.source, port: edge.sourceHandle ?? '' },
      to: { node: edge.target, port: edge.targetHandle ?? '' },
    })),
    layout: { nodes: Object.fromEntries(nodes.map((node) => [node.id, { x: node.position.x, y: node.position.y }])) },
  };
}
