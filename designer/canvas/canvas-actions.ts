// What menus, shortcuts and the command palette do to the open document: each is one undo step, and selects what
// it made so the inspector shows it.
import type { NodeType } from '../../shared/index.ts';
import { showToast } from '../app/toasts.ts';
import { currentDocument, designerStore, edit, select } from '../store/designer-store.ts';
import type { Position } from '../store/document.ts';
import { removeEdges, removeNodes } from '../store/edits.ts';
import { EMPTY_SELECTION, selectAll } from '../store/selection.ts';
import { disconnect, duplicate, type Outcome, spliceIntoEdge, withNewNode } from './graph-edits.ts';

function apply(outcome: Outcome): boolean {
  if (!outcome.ok) {
    showToast(outcome.reason, 'error', 6000);
    return false;
  }
  edit(() => outcome.doc);
  select({ nodeIds: outcome.nodeIds, edgeKeys: [] });
  return true;
}

export function addNode(type: NodeType, at: Position): boolean {
  return apply(withNewNode(currentDocument(designerStore.get()), type, at));
}

export function spliceNode(type: NodeType, edgeKey: string): boolean {
  return apply(spliceIntoEdge(currentDocument(designerStore.get()), edgeKey, type));
}

export function duplicateSelection(): void {
  const { selection } = designerStore.get();
  apply(duplicate(currentDocument(designerStore.get()), selection.nodeIds));
}

export function duplicateNode(nodeId: string): void {
  apply(duplicate(currentDocument(designerStore.get()), [nodeId]));
}

export function disconnectNode(nodeId: string): void {
  edit((doc) => disconnect(doc, nodeId));
}

export function deleteSelection(): void {
  const { selection } = designerStore.get();
  if (selection.nodeIds.length + selection.edgeKeys.length === 0) return;
  edit((doc) => removeEdges(removeNodes(doc, new Set(selection.nodeIds)), new Set(selection.edgeKeys)));
  select(EMPTY_SELECTION);
}

export function deleteNode(nodeId: string): void {
  edit((doc) => removeNodes(doc, new Set([nodeId])));
}

export function deleteEdge(edgeKey: string): void {
  edit((doc) => removeEdges(doc, new Set([edgeKey])));
}

export function selectEverything(): void {
  select(selectAll(currentDocument(designerStore.get())));
}
