// What a right-click offers, by what was clicked: a node, an edge, or the empty canvas.
import { assertNever } from '../../shared/index.ts';
import { select, setUi } from '../store/designer-store.ts';
import type { NodeView } from '../store/ui-state.ts';
import { deleteEdge, deleteNode, disconnectNode, duplicateNode, selectEverything } from './canvas-actions.ts';
import { type MenuTarget, openCommandPalette } from './overlays.ts';

export type MenuItem = { label: string; run(): void };
export type FlowView = { fitNode(nodeId: string): void; fitAll(): void };

export function menuItems(target: MenuTarget, view: FlowView): MenuItem[] {
  switch (target.kind) {
    case 'node': {
      const { nodeId } = target;
      return [
        { label: 'Show records', run: () => showNode(nodeId, 'records') },
        { label: 'Edit config', run: () => showNode(nodeId, 'config') },
        { label: 'Duplicate', run: () => duplicateNode(nodeId) },
        { label: 'Disconnect', run: () => disconnectNode(nodeId) },
        { label: 'Fit to this node', run: () => view.fitNode(nodeId) },
        { label: 'Delete', run: () => deleteNode(nodeId) },
      ];
    }
    case 'edge': {
      const { edgeKey } = target;
      return [
        { label: 'Show records', run: () => select({ nodeIds: [], edgeKeys: [edgeKey] }) },
        { label: 'Insert a node…', run: () => openCommandPalette({ spliceInto: edgeKey }) },
        { label: 'Delete', run: () => deleteEdge(edgeKey) },
      ];
    }
    case 'pane':
      return [
        { label: 'Add a node here…', run: () => openCommandPalette({ at: target.at }) },
        { label: 'Select all', run: selectEverything },
        { label: 'Fit view', run: view.fitAll },
      ];
    default:
      return assertNever(target);
  }
}

function showNode(nodeId: string, nodeView: NodeView): void {
  setUi({ nodeView });
  select({ nodeIds: [nodeId], edgeKeys: [] });
}
