// The canvas: draws the document with React Flow and turns every gesture into a document edit or a selection in
// the store. React Flow's own selection changes (click, shift-click, box, edge click, pane click) are applied to the
// store, which hands them back as each element's `selected`: one source, so nothing can loop between the two.
import {
  Background,
  Controls,
  type EdgeChange,
  type IsValidConnection,
  type NodeChange,
  type OnConnect,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react';
import { type DragEvent, type MouseEvent, useCallback, useState } from 'react';
import { isNodeType } from '../../shared/index.ts';
import { showToast } from '../app/toasts.ts';
import { useStore } from '../store/create-store.ts';
import { currentDocument, designerStore, edit, editDuringDrag, endDrag, select } from '../store/designer-store.ts';
import { addEdge, moveNodes } from '../store/edits.ts';
import type { SluiceFlowEdge, SluiceFlowNode } from '../store/flow-conversion.ts';
import { applySelectChanges } from '../store/selection.ts';
import { validationStore } from '../store/validation.ts';
import { CanvasMiniMap } from './CanvasMiniMap.tsx';
import { CanvasToolbar } from './CanvasToolbar.tsx';
import { ConnectionHint } from './ConnectionHint.tsx';
import { addNode } from './canvas-actions.ts';
import { checkConnection } from './connection-rules.ts';
import { edgeTypes } from './LiveEdge.tsx';
import { openMenu, setPointer } from './overlays.ts';
import { DRAG_MIME } from './Palette.tsx';
import { nodeTypes } from './PipelineNode.tsx';
import { RateWindowNote } from './RateWindowNote.tsx';
import { useCanvasKeys } from './use-canvas-keys.ts';
import { useFitOnOpen } from './use-fit-on-open.ts';
import { type MeasuredSizes, useFlowEdges, useFlowNodes } from './use-flow-elements.ts';

const isValidConnection: IsValidConnection<SluiceFlowEdge> = (connection) =>
  checkConnection(currentDocument(designerStore.get()), connection).ok;

export function Canvas() {
  const doc = useStore(designerStore, currentDocument);
  const selection = useStore(designerStore, (s) => s.selection);
  const issueCounts = useStore(validationStore, (s) => s.issueCounts);
  const [sizes, setSizes] = useState<MeasuredSizes>({});
  const nodes = useFlowNodes(doc, issueCounts, selection, sizes);
  const edges = useFlowEdges(doc.edges, selection);
  const { screenToFlowPosition } = useReactFlow();
  useCanvasKeys();
  useFitOnOpen();

  const onNodesChange = useCallback((changes: NodeChange<SluiceFlowNode>[]) => {
    const moved: Record<string, { x: number; y: number }> = {};
    for (const change of changes) if (change.type === 'position' && change.position) moved[change.id] = change.position;
    if (Object.keys(moved).length > 0) editDuringDrag((d) => moveNodes(d, moved));
    const measured: MeasuredSizes = {};
    for (const change of changes) if (change.type === 'dimensions' && change.dimensions) measured[change.id] = change.dimensions;
    if (Object.keys(measured).length > 0) setSizes((before) => ({ ...before, ...measured }));
    select(applySelectChanges(designerStore.get().selection, changes, []));
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<SluiceFlowEdge>[]) => {
    select(applySelectChanges(designerStore.get().selection, [], changes));
  }, []);

  const onConnect: OnConnect = useCallback((connection) => {
    const verdict = checkConnection(currentDocument(designerStore.get()), connection);
    if (verdict.ok) edit((d) => addEdge(d, verdict.edge));
    else showToast(verdict.reason, 'error', 6000);
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      const type = event.dataTransfer.getData(DRAG_MIME);
      if (isNodeType(type)) addNode(type, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [screenToFlowPosition],
  );

  const onPointer = useCallback(
    (event: MouseEvent) => setPointer(screenToFlowPosition({ x: event.clientX, y: event.clientY })),
    [screenToFlowPosition],
  );

  const onNodeContextMenu = useCallback((event: MouseEvent, node: SluiceFlowNode) => {
    event.preventDefault();
    if (!designerStore.get().selection.nodeIds.includes(node.id)) select({ nodeIds: [node.id], edgeKeys: [] });
    openMenu(event.clientX, event.clientY, { kind: 'node', nodeId: node.id });
  }, []);

  const onEdgeContextMenu = useCallback((event: MouseEvent, edge: SluiceFlowEdge) => {
    event.preventDefault();
    select({ nodeIds: [], edgeKeys: [edge.id] });
    openMenu(event.clientX, event.clientY, { kind: 'edge', edgeKey: edge.id });
  }, []);

  const onPaneContextMenu = useCallback(
    (event: MouseEvent | globalThis.MouseEvent) => {
      event.preventDefault();
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      openMenu(event.clientX, event.clientY, { kind: 'pane', at });
    },
    [screenToFlowPosition],
  );

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the drop target for palette items; React Flow inside is keyboard-usable
    <div className="canvas" data-testid="canvas" onDrop={onDrop} onDragOver={allowDrop} onMouseMove={onPointer}>
      <ReactFlow<SluiceFlowNode, SluiceFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        minZoom={0.1}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={endDrag}
        onSelectionDragStop={endDrag}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onNodeContextMenu={onNodeContextMenu}
        onEdgeContextMenu={onEdgeContextMenu}
        onPaneContextMenu={onPaneContextMenu}
        // Deleting is the designer's own shortcut (shortcuts.ts), so it is one undo step with the selection it shows.
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
      >
        <Background gap={20} />
        <CanvasMiniMap />
        <Controls />
        <CanvasToolbar />
        <ConnectionHint />
        <RateWindowNote />
      </ReactFlow>
    </div>
  );
}

function allowDrop(event: DragEvent) {
  event.preventDefault();
  event.dataTransfer.dropEffect = 'move';
}
