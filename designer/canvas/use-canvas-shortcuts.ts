// Keyboard shortcuts on the canvas: copy/paste and undo/redo. Delete is React Flow's (deleteKeyCode).
import { useEffect } from 'react';
import { currentDocument, designerStore, edit, redoEdit, select, undoEdit } from '../store/designer-store.ts';
import { type Clipboard, copySelection, pasteClipboard } from './clipboard.ts';

let clipboard: Clipboard | undefined;

/** Typing in a field or in the JSON editor keeps its own undo and copy. */
function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('.monaco-editor') !== null;
}

function handleShortcut(event: KeyboardEvent): boolean {
  if (!(event.ctrlKey || event.metaKey) || isTextTarget(event.target)) return false;
  const key = event.key.toLowerCase();
  const state = designerStore.get();
  if (key === 'z' && !event.shiftKey) undoEdit();
  else if ((key === 'z' && event.shiftKey) || key === 'y') redoEdit();
  else if (key === 'c') clipboard = copySelection(currentDocument(state), new Set(state.selection.nodeIds)) ?? clipboard;
  else if (key === 'v' && clipboard) {
    const pasted = pasteClipboard(currentDocument(state), clipboard);
    edit(() => pasted.doc);
    select({ nodeIds: pasted.ids, edgeKeys: [] });
  } else return false;
  event.preventDefault();
  return true;
}

export function useCanvasShortcuts(): void {
  useEffect(() => {
    window.addEventListener('keydown', handleShortcut);
    return () => window.removeEventListener('keydown', handleShortcut);
  }, []);
}
