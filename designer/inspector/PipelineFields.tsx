// With nothing selected, the inspector edits the pipeline's own fields.

import { edit } from '../store/designer-store.ts';
import type { DesignDocument } from '../store/document.ts';

export function PipelineFields({ doc }: { doc: DesignDocument }) {
  return (
    <div className="inspector-pipeline">
      <h3>Pipeline</h3>
      <div className="field">
        <label>
          <span className="field-label">Id</span>
          <input value={doc.id} onChange={(e) => edit((d) => ({ ...d, id: e.target.value }), 'pipeline:id')} />
        </label>
        <p className="field-help">A slug like review-stats; it names topics and consumer groups.</p>
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
        {doc.nodes.length} nodes, {doc.edges.length} edges. Drag nodes from the palette; select one to edit it.
      </p>
    </div>
  );
}
