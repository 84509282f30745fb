// The right panel for a selected edge: where it goes, how many records crossed it (counted at both ends), and the
// records that crossed it, live (the runtime's tap on its source port).
import type { Edge } from '../../shared/index.ts';
import { openCommandPalette } from '../canvas/overlays.ts';
import { useStore } from '../store/create-store.ts';
import { currentDocument, designerStore, edit } from '../store/designer-store.ts';
import { edgeKey, removeEdges } from '../store/edits.ts';
import { edgeFields } from '../store/record-flow.ts';
import { TapPanel } from './tap/TapPanel.tsx';
import { EdgeFigures } from './throughput/EdgeFigures.tsx';

export function EdgeInspector({ pipelineId, edge }: { pipelineId: string; edge: Edge }) {
  const { node, port } = edge.from;
  const doc = useStore(designerStore, currentDocument);
  return (
    <div className="inspector-edge" data-testid="edge-inspector">
      <header className="inspector-edge-header">
        <h3>
          {edge.from.node}.{edge.from.port} → {edge.to.node}.{edge.to.port}
        </h3>
        <p className="field-help" data-testid="edge-fields">
          Records: {edgeFields(doc, edge.from.node, edge.from.port)}
        </p>
        <EdgeFigures from={edge.from} to={edge.to.node} />
        <p className="field-help">The last records that crossed this edge, newest first.</p>
        <div className="inspector-actions">
          <button type="button" onClick={() => openCommandPalette({ spliceInto: edgeKey(edge) })}>
            Insert a node…
          </button>
          <button type="button" onClick={() => edit((doc) => removeEdges(doc, new Set([edgeKey(edge)])))}>
            Delete edge
          </button>
        </div>
      </header>
      <TapPanel pipelineId={pipelineId} nodeId={node} port={port} />
    </div>
  );
}
