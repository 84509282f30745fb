// The right panel for a selected node: its id, what it is, its rates over the last 24 hours, then its config form
// (with field pickers from the records that reach it), the records that left each of its output ports, or its throughput.
import { declarationOf, fieldChoices } from '../../shared/index.ts';
import { NodeIcon } from '../canvas/NodeIcon.tsx';
import { HistoryChart } from '../metrics/HistoryChart.tsx';
import { metricsStore } from '../metrics/metrics-store.ts';
import { useStore } from '../store/create-store.ts';
import { designerStore, edit, select, setUi } from '../store/designer-store.ts';
import type { DesignDocument } from '../store/document.ts';
import { renameNode, setNodeConfig } from '../store/edits.ts';
import { outputPorts } from '../store/ports.ts';
import { documentFlow } from '../store/record-flow.ts';
import { validationStore } from '../store/validation.ts';
import { NodeConfigForm } from './NodeConfigForm.tsx';
import { NodeIdField } from './NodeIdField.tsx';
import { NodeRecords } from './NodeRecords.tsx';
import { NodeThroughput } from './throughput/NodeThroughput.tsx';

const VIEWS = { config: 'Config', records: 'Records', throughput: 'Throughput' } as const;

export function NodeInspector({ doc, nodeId }: { doc: DesignDocument; nodeId: string }) {
  const issues = useStore(validationStore, (s) => s.issues);
  const reported = useStore(metricsStore, (s) => s.latest?.nodes[nodeId] !== undefined);
  const view = useStore(designerStore, (s) => s.ui.nodeView);
  const index = doc.nodes.findIndex((node) => node.id === nodeId);
  const node = doc.nodes[index];
  if (!node) return null;
  const declaration = declarationOf(node.type);
  const taken = new Set(doc.nodes.map((n) => n.id));
  const inputFields = fieldChoices(documentFlow(doc).input(node.id));
  return (
    <div className="inspector-node" data-testid="node-inspector" data-node-id={node.id}>
      <header className="inspector-header" style={{ borderLeftColor: declaration.color }}>
        <NodeIcon type={node.type} /> {declaration.label}
        <p className="field-help">{declaration.doc}</p>
      </header>
      <NodeIdField
        id={node.id}
        taken={taken}
        onRename={(to) => {
          edit((d) => renameNode(d, node.id, to));
          select({ nodeIds: [to], edgeKeys: [] });
        }}
      />
      {reported && <HistoryChart pipelineId={doc.id} nodeId={node.id} isSource={declaration.reads !== undefined} />}
      <div className="port-tabs view-tabs" role="tablist" aria-label="Node view">
        {(['config', 'records', 'throughput'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={view === name}
            className={view === name ? 'active' : ''}
            onClick={() => setUi({ nodeView: name })}
          >
            {VIEWS[name]}
          </button>
        ))}
      </div>
      {view === 'config' && (
        <NodeConfigForm
          type={node.type}
          config={node.config}
          pointer={`/nodes/${index}/config`}
          issues={issues}
          inputFields={inputFields}
          onChange={(config) => edit((d) => setNodeConfig(d, node.id, config), `config:${node.id}`)}
        />
      )}
      {view === 'records' && <NodeRecords pipelineId={doc.id} nodeId={node.id} ports={outputPorts(node).map((port) => port.name)} />}
      {view === 'throughput' && <NodeThroughput pipelineId={doc.id} nodeId={node.id} />}
    </div>
  );
}
