// With nothing selected, the inspector edits the pipeline's own fields. A deployed pipeline's id is what the runtime
// knows it by, so it is not edited in place: "Save as a new pipeline" makes a copy under a new id.
import { useStore } from '../store/create-store.ts';
import { designerStore, edit } from '../store/designer-store.ts';
import type { DesignDocument } from '../store/document.ts';
import { SaveAsNew } from './SaveAsNew.tsx';

export function PipelineFields({ doc }: { doc: DesignDocument }) {
  const deployedId = useStore(designerStore, (s) => (s.deletedOnRuntime ? undefined : s.deployedId));
  return (
    <div className="inspector-pipeline">
      <h3>Pipeline</h3>
      <div className="field">
        <label>
          <span className="field-label">Id</span>
          <input
            value={doc.id}
            readOnly={deployedId !== undefined}
            onChange={(e) => edit((d) => ({ ...d, id: e.target.value }), 'pipeline:id')}
          />
        </label>
        <p className="field-help">
          {deployedId !== undefined
            ? `The runtime runs this pipeline as ${deployedId}; a copy under another id is a second pipeline.`
            : 'A slug like review-stats; it names topics and consumer groups.'}
        </p>
        {deployedId !== undefined && <SaveAsNew doc={doc} />}
      </div>
      <div className="field">
        <label>
          <span className="field-label">Description</span>
          <textarea
            rows={4}
            value={doc.description ?? ''}
            onChange={(e) => edit((d) => ({ ...d, description: e.target.value || undefined }), 'pipeline:description')}
          />
        </label>
      </div>
      <p className="muted">
        {doc.nodes.length} nodes, {doc.edges.length} edges. Drag nodes from the palette (or press Ctrl+K); click one to edit it.
      </p>
    </div>
  );
}
