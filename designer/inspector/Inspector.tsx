// The right panel: the selected node's form, the selected edge's records, or the pipeline's own fields.
import { useEffect } from 'react';
import { useStore } from '../store/create-store.ts';
import { currentDocument, designerStore } from '../store/designer-store.ts';
import { edgeKey } from '../store/edits.ts';
import { EdgeInspector } from './EdgeInspector.tsx';
import { NodeInspector } from './NodeInspector.tsx';
import { PipelineFields } from './PipelineFields.tsx';

export function Inspector() {
  const doc = useStore(designerStore, currentDocument);
  const selection = useStore(designerStore, (s) => s.selection);
  useRevealFocusPath(selection.focusPath);
  const [nodeId] = selection.nodeIds;
  const edge = selection.nodeIds.length === 0 ? doc.edges.find((e) => edgeKey(e) === selection.edgeKeys[0]) : undefined;
  return (
    <aside className="inspector" aria-label="Inspector">
      {selection.nodeIds.length > 1 && <p className="muted">{selection.nodeIds.length} nodes selected.</p>}
      {selection.nodeIds.length === 1 && nodeId && <NodeInspector key={nodeId} doc={doc} nodeId={nodeId} />}
      {edge && <EdgeInspector pipelineId={doc.id} edge={edge} />}
      {selection.nodeIds.length === 0 && !edge && <PipelineFields doc={doc} />}
    </aside>
  );
}

/** Scrolls to the field a clicked problem points at (or its nearest ancestor with a field) and focuses it. */
function useRevealFocusPath(pointer: string | undefined) {
  useEffect(() => {
    if (!pointer) return;
    const frame = requestAnimationFrame(() => {
      for (let path = pointer; path !== ''; path = path.slice(0, path.lastIndexOf('/'))) {
        const field = document.querySelector(`.inspector [data-pointer="${CSS.escape(path)}"]`);
        if (!field) continue;
        field.scrollIntoView?.({ block: 'center' });
        field.classList.add('field-revealed');
        setTimeout(() => field.classList.remove('field-revealed'), 1500);
        field.querySelector<HTMLElement>('input, select')?.focus();
        return;
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [pointer]);
}
