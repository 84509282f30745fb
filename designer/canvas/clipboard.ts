// Copy/paste of nodes (with the edges between them) inside the designer; pasted nodes get fresh ids.
import type { DesignDocument, DraftNode, Position } from '../store/document.ts';
import { freshNodeId } from '../store/edits.ts';

export type Clipboard = { nodes: DraftNode[]; edges: DesignDocument['edges']; positions: Record<string, Position> };

export function copySelection(doc: DesignDocument, ids: ReadonlySet<string>): Clipboard | undefined {
  const nodes = doc.nodes.filter((node) => ids.has(node.id));
  if (nodes.length === 0) return undefined;
  const edges = doc.edges.filter((edge) => ids.has(edge.from.node) && ids.has(edge.to.node));
  const positions = Object.fromEntries(nodes.map((node) => [node.id, doc.layout?.nodes[node.id] ?? { x: 0, y: 0 }]));
  return { nodes, edges, positions };
}

/** Adds the clipboard's nodes, offset so they do not hide the originals; returns the document and the new ids. */
export function pasteClipboard(doc: DesignDocument, clip: Clipboard, offset = 40): { doc: DesignDocument; ids: string[] } {
  let next = doc;
  const renamed = new Map<string, string>();
  for (const node of clip.nodes) {
    const id = freshNodeId(next, node.id);
    renamed.set(node.id, id);
    const at = clip.positions[node.id] ?? { x: 0, y: 0 };
    next = {
      ...next,
      nodes: [...next.nodes, { ...node, id }],
      layout: { nodes: { ...next.layout?.nodes, [id]: { x: at.x + offset, y: at.y + offset } } },
    };
  }
  const edges = clip.edges.map((edge) => ({
    from: { node: renamed.get(edge.from.node) ?? edge.from.node, port: edge.from.port },
    to: { node: renamed.get(edge.to.node) ?? edge.to.node, port: edge.to.port },
  }));
  return { doc: { ...next, edges: [...next.edges, ...edges] }, ids: [...renamed.values()] };
}
