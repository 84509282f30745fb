// Floating canvas actions: auto-layout, zoom to fit, undo and redo.
import { Panel, useReactFlow } from '@xyflow/react';
import { showToast } from '../app/toasts.ts';
import { useStore } from '../store/create-store.ts';
import { currentDocument, designerStore, edit, redoEdit, undoEdit } from '../store/designer-store.ts';
import { moveNodes } from '../store/edits.ts';
import { autoLayout } from './auto-layout.ts';

export function CanvasToolbar() {
  const { fitView } = useReactFlow();
  const canUndo = useStore(designerStore, (s) => s.history.past.length > 0);
  const canRedo = useStore(designerStore, (s) => s.history.future.length > 0);

  async function arrange() {
    try {
      const positions = await autoLayout(currentDocument(designerStore.get()));
      edit((doc) => moveNodes(doc, positions));
      requestAnimationFrame(() => fitView({ padding: 0.2, duration: 300 }));
    } catch (error) {
      showToast(`Auto-layout failed: ${String(error)}`, 'error');
    }
  }

  return (
    <Panel position="top-right" className="canvas-toolbar">
      <button type="button" onClick={() => void arrange()}>
        Auto-layout
      </button>
      <button type="button" onClick={() => void fitView({ padding: 0.2, duration: 300 })}>
        Fit
      </button>
      <button type="button" onClick={undoEdit} disabled={!canUndo} title="Undo (Ctrl+Z)">
        Undo
      </button>
      <button type="button" onClick={redoEdit} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)">
        Redo
      </button>
    </Panel>
  );
}
