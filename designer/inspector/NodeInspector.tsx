// The right panel for a selected node: id, doc, live rates and the generated config form.
import { declarationOf } from '../../shared/index.ts';
import { metricsStore } from '../metrics/metrics-store.ts';
import { Sparkline } from '../metrics/Sparkline.tsx';
import { useStore } from '../store/create-store.ts';
import { edit, select } from '../store/designer-store.ts';
import type { DesignDocument } from '../store/document.ts';
import { renameNode, setNodeConfig } from '../store/edits.ts';
import { validationStore } from '../store/validation.ts';
import { NodeConfigForm } from './NodeConfigForm.tsx';
import { NodeIdField } from './NodeIdField.tsx';

export function NodeInspector({ doc, nodeId }: { doc: DesignDocument; nodeId: string }) {
  const issues = useStore(validationStore, (s) => s.issues);
  const rates = useStore(metricsStore, (s) => s.history[nodeId]);
  const index = doc.nodes.findIndex((node) => node.id === nodeId);
  const node = doc.nodes[index];
  if (!node) return null;
  const declaration = declarationOf(node.type);
  const taken = new Set(doc.nodes.map((n) => n.id));
  return (
    <div className="inspector-node">
      <header className="inspector-header" style={{ borderLeftColor: declaration.color }}>
        <span style={{ color: declaration.color }}>{declaration.icon}</span> {declaration.label}
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
      {rates && (
        <section className="inspector-rates">
          <h4>Rates, last 5 minutes</h4>
          <Sparkline points={rates} />
          <p className="legend">
            <span className="spark-in-key">in</span> <span className="spark-out-key">out</span>
          </p>
        </section>
      )}
      <NodeConfigForm
        type={node.type}
        config={node.config}
        pointer={`/nodes/${index}/config`}
        issues={issues}
        onChange={(config) => edit((d) => setNodeConfig(d, node.id, config), `config:${node.id}`)}
      />
    </div>
  );
}
