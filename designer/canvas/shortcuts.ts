// The canvas's keyboard shortcuts, declared once: the handler below acts on them and the help overlay (`?`) lists
// them. Typing in a field or in the JSON editor keeps its own keys.
import { currentDocument, designerStore, edit, redoEdit, select, undoEdit } from '../store/designer-store.ts';
import { EMPTY_SELECTION } from '../store/selection.ts';
import { deleteSelection, duplicateSelection, selectEverything } from './canvas-actions.ts';
import { type Clipboard, copySelection, pasteClipboard } from './clipboard.ts';
import { closeOverlay, lastPointer, openCommandPalette, overlayStore, toggleHelp } from './overlays.ts';

export type Shortcut = { keys: string; does: string };

export const SHORTCUTS: Shortcut[] = [
  { keys: 'Click, Shift+click', does: 'Select a node or an edge; add or remove one' },
  { keys: 'Shift+drag', does: 'Select everything in a box' },
  { keys: 'Ctrl+A', does: 'Select all' },
  { keys: 'Esc', does: 'Clear the selection, close a menu' },
  { keys: 'Delete, Backspace', does: 'Delete what is selected' },
  { keys: 'Ctrl+K or /', does: 'Quick add: a node at the pointer, or into the selected edge' },
  { keys: 'Right-click', does: 'Menu of a node, an edge or the canvas' },
  { keys: 'Ctrl+D', does: 'Duplicate the selected nodes' },
  { keys: 'Ctrl+C, Ctrl+V', does: 'Copy and paste nodes' },
  { keys: 'Ctrl+Z, Ctrl+Shift+Z', does: 'Undo, redo' },
  { keys: 'F', does: 'Fit the pipeline in view' },
  { keys: '?', does: 'This list' },
];

let clipboard: Clipboard | undefined;

export function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('.monaco-editor') !== null;
}

/** Handles a key press on the designer page; true when it was a shortcut. `frame` fits the pipeline in view. */
export function handleShortcut(event: KeyboardEvent, frame: () => void): boolean {
  if (isTextTarget(event.target)) return false;
  const done = command(event, frame);
  if (done) event.preventDefault();
  return done;
}

function command(event: KeyboardEvent, frame: () => void): boolean {
  const key = event.key.toLowerCase();
  const modified = event.ctrlKey || event.metaKey;
  if (key === 'escape') {
    if (overlayStore.get().kind !== 'none') closeOverlay();
    else select(EMPTY_SELECTION);
    return true;
  }
  if (overlayStore.get().kind !== 'none' && overlayStore.get().kind !== 'help') return false;
  if (!modified) return plainKey(event.key, frame);
  if (key === 'a') selectEverything();
  else if (key === 'z' && !event.shiftKey) undoEdit();
  else if ((key === 'z' && event.shiftKey) || key === 'y') redoEdit();
  else if (key === 'd') duplicateSelection();
  else if (key === 'k') quickAdd();
  else if (key === 'c') copy();
  else if (key === 'v') paste();
  else return false;
  return true;
}

function plainKey(key: string, frame: () => void): boolean {
  if (key === 'Delete' || key === 'Backspace') deleteSelection();
  else if (key === '?') toggleHelp();
  else if (key === '/') quickAdd();
  else if (key === 'f' || key === 'F') frame();
  else return false;
  return true;
}

/** The palette, adding into the one selected edge when that is all that is selected, else at the pointer. */
export function quickAdd(): void {
  const { nodeIds, edgeKeys } = designerStore.get().selection;
  const [edge] = edgeKeys;
  openCommandPalette(nodeIds.length === 0 && edgeKeys.length === 1 ? { spliceInto: edge } : { at: lastPointer() });
}

function copy(): void {
  const state = designerStore.get();
  clipboard = copySelection(currentDocument(state), new Set(state.selection.nodeIds)) ?? clipboard;
}

function paste(): void {
  if (!clipboard) return;
  const pasted = pasteClipboard(currentDocument(designerStore.get()), clipboard);
  edit(() => pasted.doc);
  select({ nodeIds: pasted.ids, edgeKeys: [] });
}
