// Floating canvas actions: quick add, auto-layout, fit, undo and redo, the minimap and the shortcut list.
import { Panel, useReactFlow } from '@xyflow/react';
import { showToast } from '../app/toasts.ts';
import { useStore } from '../store/create-store.ts';
import { currentDocument, designerStore, edit, redoEdit, setUi, undoEdit } from '../store/designer-store.ts';
import { moveNodes } from '../store/edits.ts';
import { autoLayout } from './auto-layout.ts';
import { toggleHelp } from './overlays.ts';
import { quickAdd } from './shortcuts.ts';

export function CanvasToolbar() {
  const { fitView } = useReactFlow();
  const canUndo = useStore(designerStore, (s) => s.history.past.length > 0);
  const canRedo = useStore(designerStore, (s) => s.history.future.length > 0);
  const minimap = useStore(designerStore, (s) => s.ui.minimap);

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
      <button type="button" onClick={quickAdd} title="Quick add (Ctrl+K)">
        + Add
      </button>
      <button type="button" onClick={() => void arrange()}>
        Auto-layout
      </button>
      <button type="button" onClick={() => void fitView({ padding: 0.2, duration: 300 })} title="Fit (F)">
        Fit
      </button>
      <button type="button" onClick={undoEdit} disabled={!canUndo} title="Undo (Ctrl+Z)">
        Undo
      </button>
      <button type="button" onClick={redoEdit} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)">
        Redo
      </button>
      <button type="button" aria-pressed={minimap} onClick={() => setUi({ minimap: !minimap })} title="Show or hide the minimap">
        Map
      </button>
      <button type="button" onClick={toggleHelp} title="Shortcuts (?)" aria-label="Shortcuts">
        ?
      </button>
    </Panel>
  );
}
