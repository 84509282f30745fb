// What is selected, as React Flow reports it: its `select` changes (click, shift-click, box-select, a click on an
// edge or on the pane) are applied to the store's selection, and the store hands the result back to React Flow as
// each element's `selected`. The store is the one source, so a page change or a remount cannot make them disagree.
import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { DesignDocument } from './document.ts';
import { edgeKey } from './edits.ts';

export type Selection = {
  nodeIds: string[];
  edgeKeys: string[];
  /** A JSON pointer to reveal in the inspector (a clicked problem's path). */
  focusPath?: string;
};

export const EMPTY_SELECTION: Selection = { nodeIds: [], edgeKeys: [] };

type SelectChange = { type: 'select'; id: string; selected: boolean };

/** The selection after React Flow's changes; the same object when they select nothing new (so nothing re-renders). */
export function applySelectChanges(
  selection: Selection,
  nodeChanges: ReadonlyArray<NodeChange | SelectChange>,
  edgeChanges: ReadonlyArray<EdgeChange | SelectChange>,
): Selection {
  const nodeIds = toggled(selection.nodeIds, nodeChanges);
  const edgeKeys = toggled(selection.edgeKeys, edgeChanges);
  if (nodeIds === selection.nodeIds && edgeKeys === selection.edgeKeys) return selection;
  return { nodeIds, edgeKeys };
}

function toggled(ids: string[], changes: ReadonlyArray<{ type: string; id?: string; selected?: boolean }>): string[] {
  let next = ids;
  for (const change of changes) {
    if (change.type !== 'select' || change.id === undefined) continue;
    const has = next.includes(change.id);
    if (change.selected && !has) next = [...next, change.id];
    else if (!change.selected && has) next = next.filter((id) => id !== change.id);
  }
  return next;
}

export function selectAll(doc: DesignDocument): Selection {
  return { nodeIds: doc.nodes.map((node) => node.id), edgeKeys: doc.edges.map(edgeKey) };
}

/** Drops what the document no longer has (after a delete, an undo, a JSON edit); the same object when nothing went. */
export function pruneSelection(selection: Selection, doc: DesignDocument): Selection {
  const nodes = new Set(doc.nodes.map((node) => node.id));
  const edges = new Set(doc.edges.map(edgeKey));
  const nodeIds = selection.nodeIds.filter((id) => nodes.has(id));
  const edgeKeys = selection.edgeKeys.filter((key) => edges.has(key));
  if (nodeIds.length === selection.nodeIds.length && edgeKeys.length === selection.edgeKeys.length) return selection;
  return { ...selection, nodeIds, edgeKeys };
}

/** What the inspector shows for a selection: one node, one edge, several things, or the pipeline itself. */
export type Inspected =
  | { kind: 'pipeline' }
  | { kind: 'node'; nodeId: string }
  | { kind: 'edge'; edgeKey: string }
  | { kind: 'many'; nodes: number; edges: number };

export function inspected(selection: Selection): Inspected {
  const { nodeIds, edgeKeys } = selection;
  const [nodeId] = nodeIds;
  const [key] = edgeKeys;
  if (nodeIds.length === 1 && edgeKeys.length === 0 && nodeId !== undefined) return { kind: 'node', nodeId };
  if (nodeIds.length === 0 && edgeKeys.length === 1 && key !== undefined) return { kind: 'edge', edgeKey: key };
  if (nodeIds.length === 0 && edgeKeys.length === 0) return { kind: 'pipeline' };
  return { kind: 'many', nodes: nodeIds.length, edges: edgeKeys.length };
}
