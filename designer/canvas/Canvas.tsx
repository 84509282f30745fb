// The canvas: draws the document with React Flow and turns every gesture into a document edit.
import {
  Background,
  Controls,
  MiniMap,
  type NodeChange,
  type OnConnect,
  type OnSelectionChangeFunc,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react';
import { type DragEvent, useCallback, useState } from 'react';
import { isNodeType } from '../../shared/index.ts';
import { showToast } from '../app/toasts.ts';
import { useStore } from '../store/create-store.ts';
import { defaultConfig } from '../store/default-config.ts';
import { currentDocument, designerStore, edit, editDuringDrag, endDrag, select } from '../store/designer-store.ts';
import { addEdge, addNode, freshNodeId, moveNodes, removeEdges, removeNodes } from '../store/edits.ts';
import type { SluiceFlowEdge, SluiceFlowNode } from '../store/flow-conversion.ts';
import { validationStore } from '../store/validation.ts';
import { CanvasToolbar } from './CanvasToolbar.tsx';
import { checkConnection } from './connection-rules.ts';
import { edgeTypes } from './LiveEdge.tsx';
import { DRAG_MIME } from './Palette.tsx';
import { nodeTypes } from './PipelineNode.tsx';
import { useCanvasShortcuts } from './use-canvas-shortcuts.ts';
import { useFitOnOpen } from './use-fit-on-open.ts';
import { type MeasuredSizes, useFlowEdges, useFlowNodes } from './use-flow-elements.ts';

export function Canvas() {
  const doc = useStore(designerStore, currentDocument);
  const selection = useStore(designerStore, (s) => s.selection);
  const issueCounts = useStore(validationStore, (s) => s.issueCounts);
  const [sizes, setSizes] = useState<MeasuredSizes>({});
  const nodes = useFlowNodes(doc, issueCounts, selection, sizes);
  const edges = useFlowEdges(doc.edges, selection);
  const { screenToFlowPosition } = useReactFlow();
  useCanvasShortcuts();
  useFitOnOpen();

  const onNodesChange = useCallback((changes: NodeChange<SluiceFlowNode>[]) => {
    const moved: Record<string, { x: number; y: number }> = {};
    for (const change of changes) if (change.type === 'position' && change.position) moved[change.id] = change.position;
    if (Object.keys(moved).length > 0) editDuringDrag((d) => moveNodes(d, moved));
    const measured: MeasuredSizes = {};
    for (const change of changes) if (change.type === 'dimensions' && change.dimensions) measured[change.id] = change.dimensions;
    if (Object.keys(measured).length > 0) setSizes((before) => ({ ...before, ...measured }));
  }, []);

  const onConnect: OnConnect = useCallback((connection) => {
    const verdict = checkConnection(currentDocument(designerStore.get()), connection);
    if (verdict.ok) edit((d) => addEdge(d, verdict.edge));
    else showToast(verdict.reason, 'error');
  }, []);

  const onSelectionChange: OnSelectionChangeFunc<SluiceFlowNode, SluiceFlowEdge> = useCallback(({ nodes, edges }) => {
    const current = designerStore.get().selection;
    const nodeIds = nodes.map((n) => n.id);
    const edgeKeys = edges.map((e) => e.id);
    if (nodeIds.join() === current.nodeIds.join() && edgeKeys.join() === current.edgeKeys.join()) return;
    select({ nodeIds, edgeKeys });
  }, []);

  const onDelete = useCallback(({ nodes, edges }: { nodes: SluiceFlowNode[]; edges: SluiceFlowEdge[] }) => {
    edit((d) => removeEdges(removeNodes(d, new Set(nodes.map((n) => n.id))), new Set(edges.map((e) => e.id))));
    select({ nodeIds: [], edgeKeys: [] });
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      const type = event.dataTransfer.getData(DRAG_MIME);
      if (!isNodeType(type)) return;
      const position = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const id = freshNodeId(currentDocument(designerStore.get()), type);
      edit((d) => addNode(d, { id, type, config: defaultConfig(type) }, position));
      select({ nodeIds: [id], edgeKeys: [] });
    },
    [screenToFlowPosition],
  );

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the drop target for palette items; React Flow inside is keyboard-usable
    <div className="canvas" data-testid="canvas" onDrop={onDrop} onDragOver={allowDrop}>
      <ReactFlow<SluiceFlowNode, SluiceFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        minZoom={0.1}
        onNodesChange={onNodesChange}
        onNodeDragStop={endDrag}
        onSelectionDragStop={endDrag}
        onConnect={onConnect}
        onSelectionChange={onSelectionChange}
        onDelete={onDelete}
        deleteKeyCode={['Delete', 'Backspace']}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
      >
        <Background gap={20} />
        <MiniMap pannable zoomable />
        <Controls />
        <CanvasToolbar />
      </ReactFlow>
    </div>
  );
}

function allowDrop(event: DragEvent) {
  event.preventDefault();
  event.dataTransfer.dropEffect = 'move';
}
