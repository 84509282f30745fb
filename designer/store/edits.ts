// Pure edits of a design document. Every change the designer makes goes through one of these, so each is an undo step.
import type { Edge, NodeType } from '../../shared/index.ts';
import type { DesignDocument, DraftNode, Position } from './document.ts';

export function addNode(doc: DesignDocument, node: DraftNode, position: Position): DesignDocument {
  return { ...doc, nodes: [...doc.nodes, node], layout: { nodes: { ...doc.layout?.nodes, [node.id]: position } } };
}

export function removeNodes(doc: DesignDocument, ids: ReadonlySet<string>): DesignDocument {
  const layout = Object.fromEntries(Object.entries(doc.layout?.nodes ?? {}).filter(([id]) => !ids.has(id)));
  return {
    ...doc,
    nodes: doc.nodes.filter((node) => !ids.has(node.id)),
    edges: doc.edges.filter((edge) => !ids.has(edge.from.node) && !ids.has(edge.to.node)),
    layout: { nodes: layout },
  };
}

export function addEdge(doc: DesignDocument, edge: Edge): DesignDocument {
  return { ...doc, edges: [...doc.edges, edge] };
}

export function removeEdges(doc: DesignDocument, keys: ReadonlySet<string>): DesignDocument {
  return { ...doc, edges: doc.edges.filter((edge) => !keys.has(edgeKey(edge))) };
}

export function moveNodes(doc: DesignDocument, positions: Record<string, Position>): DesignDocument {
  return { ...doc, layout: { nodes: { ...doc.layout?.nodes, ...positions } } };
}

export function setNodeConfig(doc: DesignDocument, id: string, config: Record<string, unknown>): DesignDocument {
  return { ...doc, nodes: doc.nodes.map((node) => (node.id === id ? { ...node, config } : node)) };
}

/** Renames a node everywhere it is named: the node, its edges and its layout entry. */
export function renameNode(doc: DesignDocument, from: string, to: string): DesignDocument {
  if (from === to) return doc;
  const rename = (id: string) => (id === from ? to : id);
  const layout = Object.fromEntries(Object.entries(doc.layout?.nodes ?? {}).map(([id, position]) => [rename(id), position]));
  return {
    ...doc,
    nodes: doc.nodes.map((node) => (node.id === from ? { ...node, id: to } : node)),
    edges: doc.edges.map((edge) => ({
      from: { ...edge.from, node: rename(edge.from.node) },
      to: { ...edge.to, node: rename(edge.to.node) },
    })),
    layout: { nodes: layout },
  };
}

/** A fresh id for a node of `type`: its camel-cased type plus a number when taken (window, window2, …). */
export function freshNodeId(doc: DesignDocument, type: NodeType | string): string {
  const base = type.replace(/[.-](\w)/g, (_, letter: string) => letter.toUpperCase());
  const taken = new Set(doc.nodes.map((node) => node.id));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

/** The stable identity of an edge; React Flow uses it as the edge id. */
export function edgeKey(edge: Edge): string {
  return `${edge.from.node}:${edge.from.port}->${edge.to.node}:${edge.to.port}`;
}
