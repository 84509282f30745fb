// The canvas's compound edits, pure: splicing a new node into an edge, disconnecting a node, duplicating a
// selection. Each returns the next document (one undo step) or why it cannot be done.
import { declarationOf, type NodeType } from '../../shared/index.ts';
import { defaultConfig } from '../store/default-config.ts';
import type { DesignDocument, Position } from '../store/document.ts';
import { addEdge, addNode, edgeKey, freshNodeId, moveNodes, removeEdges } from '../store/edits.ts';
import { inputPorts, outputPorts } from '../store/ports.ts';
import { copySelection, pasteClipboard } from './clipboard.ts';
import { checkConnection } from './connection-rules.ts';

export type Outcome = { ok: true; doc: DesignDocument; nodeIds: string[] } | { ok: false; reason: string };

/** A new node of `type` at `position`, with its defaults. */
export function withNewNode(doc: DesignDocument, type: NodeType, position: Position): Outcome {
  const id = freshNodeId(doc, type);
  return { ok: true, doc: addNode(doc, { id, type, config: defaultConfig(type) }, position), nodeIds: [id] };
}

/** Replaces the edge A → B by A → new node → B, the new node halfway between, when the validator allows both edges. */
export function spliceIntoEdge(doc: DesignDocument, key: string, type: NodeType): Outcome {
  const edge = doc.edges.find((candidate) => edgeKey(candidate) === key);
  if (!edge) return { ok: false, reason: 'That edge is no longer there.' };
  const { label } = declarationOf(type);
  const { position, room } = placeBetween(doc, edge.from.node, edge.to.node);
  const added = withNewNode(moveNodes(removeEdges(doc, new Set([key])), room), type, position);
  if (!added.ok) return added;
  const [id = ''] = added.nodeIds;
  const node = added.doc.nodes.find((candidate) => candidate.id === id);
  const input = node && inputPorts(node)[0];
  const output = node && outputPorts(node)[0];
  if (!input || !output) return { ok: false, reason: `A ${label} cannot sit inside an edge: it needs an input and an output.` };
  const into = checkConnection(added.doc, { source: edge.from.node, sourceHandle: edge.from.port, target: id, targetHandle: input.name });
  if (!into.ok) return into;
  const withInto = addEdge(added.doc, into.edge);
  const out = checkConnection(withInto, { source: id, sourceHandle: output.name, target: edge.to.node, targetHandle: edge.to.port });
  if (!out.ok) return out;
  return { ok: true, doc: addEdge(withInto, out.edge), nodeIds: [id] };
}

/** Removes every edge into or out of the node. */
export function disconnect(doc: DesignDocument, nodeId: string): DesignDocument {
  const keys = doc.edges.filter((edge) => edge.from.node === nodeId || edge.to.node === nodeId).map(edgeKey);
  return removeEdges(doc, new Set(keys));
}

/** Copies of the nodes (and the edges between them), beside the originals, with fresh ids. */
export function duplicate(doc: DesignDocument, nodeIds: readonly string[]): Outcome {
  const clip = copySelection(doc, new Set(nodeIds));
  if (!clip) return { ok: false, reason: 'Select a node to duplicate.' };
  const pasted = pasteClipboard(doc, clip);
  return { ok: true, doc: pasted.doc, nodeIds: pasted.ids };
}

/** A column's width on the canvas: a box and the space before the next. */
const COLUMN = 260;

/**
 * Where a node spliced between `from` and `to` goes: halfway when there is a column's room between them; otherwise
 * right after `from`, everything from `to`'s column on moving one column right to make room (a layout change only).
 */
function placeBetween(doc: DesignDocument, from: string, to: string): { position: Position; room: Record<string, Position> } {
  const a = doc.layout?.nodes[from] ?? { x: 0, y: 0 };
  const b = doc.layout?.nodes[to] ?? { x: a.x + COLUMN, y: a.y };
  if (b.x - a.x >= 2 * COLUMN) return { position: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, room: {} };
  const room: Record<string, Position> = {};
  for (const [id, at] of Object.entries(doc.layout?.nodes ?? {})) if (id !== from && at.x >= b.x) room[id] = { x: at.x + COLUMN, y: at.y };
  return { position: { x: a.x + COLUMN, y: b.y }, room };
}
