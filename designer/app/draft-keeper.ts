// Keeps the open document as a local draft while it has unsaved changes (a little after each edit, and at once when
// the page goes away), drops the draft once the document is what runs, remembers which pipeline is open, and asks
// before a page with unsaved changes is left.
import { designerStore } from '../store/designer-store.ts';
import { browserStorage, type DraftStorage, rememberOpen, removeDraft, saveDraft } from '../store/drafts.ts';
import { inSyncWithRuntime, unsavedChanges } from './unsaved.ts';

export function keepDraftNow(storage: DraftStorage, now = new Date()): void {
  const state = designerStore.get();
  const doc = state.history.present;
  rememberOpen(storage, doc.id);
  if (unsavedChanges(state)) saveDraft(storage, { doc, baseRevision: state.baseRevision, savedAt: now.toISOString() });
  else if (inSyncWithRuntime(state)) removeDraft(storage, doc.id);
}

/** Starts keeping drafts; returns the function that stops it. */
export function startDraftKeeper(storage: DraftStorage | undefined = browserStorage(), delayMs = 300): () => void {
  if (!storage) return () => {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A local document whose id is edited: its draft moves to the new id (within one opened document only).
  let kept = { opened: designerStore.get().opened, id: designerStore.get().history.present.id };
  const keep = () => {
    clearTimeout(timer);
    timer = undefined;
    const state = designerStore.get();
    const id = state.history.present.id;
    if (kept.opened === state.opened && kept.id !== id && state.deployedId !== kept.id) removeDraft(storage, kept.id);
    kept = { opened: state.opened, id };
    keepDraftNow(storage);
  };
  const unsubscribe = designerStore.subscribe(() => {
    clearTimeout(timer);
    timer = setTimeout(keep, delayMs);
  });
  const beforeUnload = (event: BeforeUnloadEvent) => {
    keep();
    if (!unsavedChanges(designerStore.get())) return;
    event.preventDefault();
    // Older browsers show the prompt only when returnValue is set.
    event.returnValue = '';
  };
  window.addEventListener('beforeunload', beforeUnload);
  return () => {
    clearTimeout(timer);
    unsubscribe();
    window.removeEventListener('beforeunload', beforeUnload);
  };
}
