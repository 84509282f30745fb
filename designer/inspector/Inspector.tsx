// The right panel shows what is selected: a node's form and records, an edge's records, several things at once, or
// the pipeline's own fields when nothing is.
import { useEffect } from 'react';
import { assertNever } from '../../shared/index.ts';
import { useStore } from '../store/create-store.ts';
import { currentDocument, designerStore } from '../store/designer-store.ts';
import { edgeKey } from '../store/edits.ts';
import { inspected } from '../store/selection.ts';
import { EdgeInspector } from './EdgeInspector.tsx';
import { ManySelected } from './ManySelected.tsx';
import { NodeInspector } from './NodeInspector.tsx';
import { PipelineFields } from './PipelineFields.tsx';

export function Inspector() {
  const doc = useStore(designerStore, currentDocument);
  const selection = useStore(designerStore, (s) => s.selection);
  useRevealFocusPath(selection.focusPath);
  const shown = inspected(selection);
  return (
    <aside className="inspector" aria-label="Inspector" data-testid="inspector" data-shows={shown.kind}>
      {content()}
    </aside>
  );

  function content() {
    switch (shown.kind) {
      case 'pipeline':
        return <PipelineFields doc={doc} />;
      case 'node':
        return <NodeInspector key={shown.nodeId} doc={doc} nodeId={shown.nodeId} />;
      case 'edge': {
        const edge = doc.edges.find((candidate) => edgeKey(candidate) === shown.edgeKey);
        return edge ? <EdgeInspector key={shown.edgeKey} pipelineId={doc.id} edge={edge} /> : <PipelineFields doc={doc} />;
      }
      case 'many':
        return <ManySelected nodes={shown.nodes} edges={shown.edges} />;
      default:
        return assertNever(shown);
    }
  }
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
