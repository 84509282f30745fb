// The designer's state, in one store that outlives its page: the document (with its undo history) is the single
// source of truth, and what the canvas, inspector and JSON view show is derived from it; the selection, the JSON
// text that is ahead of the document, and the panels' state sit beside it, so leaving for another page and coming
// back finds everything as it was. Metrics live elsewhere (metrics/) so live rates never touch this.
import type { TextProblem } from '../code/read-json-text.ts';
import { createStore } from './create-store.ts';
import { type DesignDocument, emptyDocument } from './document.ts';
import { type History, pushPast, record, redo, replacePresent, startHistory, undo } from './history.ts';
import { EMPTY_SELECTION, pruneSelection, type Selection } from './selection.ts';
import { type BottomTab, INITIAL_UI, type UiState } from './ui-state.ts';

export { EMPTY_SELECTION, type Selection } from './selection.ts';

/** Text typed in the JSON view that is not a drawable document yet: kept as typed, with why the canvas lags it. */
export type TextAhead = { text: string; problem: TextProblem };

export type DesignerState = {
  history: History<DesignDocument>;
  selection: Selection;
  /** The revision the runtime last gave us, sent back on deploy so a stale save gets a 409. */
  baseRevision?: number | undefined;
  /** The version running on the runtime (for the dirty marker and the diff). */
  runningDocument?: DesignDocument | undefined;
  /** The id of the deployed pipeline this document came from: a document with another id is a new pipeline. */
  deployedId?: string | undefined;
  /** The runtime no longer has the pipeline this document came from. */
  deletedOnRuntime?: boolean | undefined;
  /** The document came back from a local draft: it says so until it is deployed or the draft discarded. */
  restoredDraft?: { savedAt: string } | undefined;
  textAhead?: TextAhead | undefined;
  /** The document before a drag started; pushed onto the undo stack when the drag ends. */
  dragBase?: DesignDocument | undefined;
  /** Counts the documents opened, so the canvas can frame each new one. */
  opened: number;
  ui: UiState;
};

export const designerStore = createStore<DesignerState>({
  history: startHistory(emptyDocument()),
  selection: EMPTY_SELECTION,
  opened: 0,
  ui: INITIAL_UI,
});

export const currentDocument = (state: DesignerState) => state.history.present;

/** A new present, with a selection that names only what it still has. */
function withHistory(state: DesignerState, history: History<DesignDocument>): DesignerState {
  return { ...state, history, selection: pruneSelection(state.selection, history.present) };
}

/** Applies an edit as one undo step (or folds it into the previous one with the same coalesce key). */
export function edit(change: (doc: DesignDocument) => DesignDocument, coalesceKey?: string): void {
  designerStore.set((state) => withHistory(state, record(state.history, change(state.history.present), coalesceKey)));
}

/** Moves during a drag: no undo step per frame, one for the whole drag (see endDrag). */
export function editDuringDrag(change: (doc: DesignDocument) => DesignDocument): void {
  designerStore.set((state) => ({
    ...state,
    dragBase: state.dragBase ?? state.history.present,
    history: replacePresent(state.history, change(state.history.present)),
  }));
}

export function endDrag(): void {
  designerStore.set((state) =>
    state.dragBase ? { ...state, dragBase: undefined, history: pushPast(state.history, state.dragBase) } : state,
  );
}

export function undoEdit(): void {
  designerStore.set((state) => withHistory(state, undo(state.history)));
}

export function redoEdit(): void {
  designerStore.set((state) => withHistory(state, redo(state.history)));
}

export function select(selection: Selection): void {
  designerStore.set((state) => (state.selection === selection ? state : { ...state, selection }));
}

export type OpenOptions = {
  revision?: number | undefined;
  running?: DesignDocument | undefined;
  deployedId?: string | undefined;
  restoredDraft?: { savedAt: string } | undefined;
};

/** Opens a document (from the runtime, a template, a file or a draft) with a fresh history; the panels stay as they are. */
export function openDocument(doc: DesignDocument, options: OpenOptions = {}): void {
  designerStore.set((state) => ({
    history: startHistory(doc),
    selection: EMPTY_SELECTION,
    baseRevision: options.revision,
    runningDocument: options.running,
    deployedId: options.deployedId ?? (options.running ? doc.id : undefined),
    restoredDraft: options.restoredDraft,
    opened: state.opened + 1,
    ui: state.ui,
  }));
}

/** What the runtime now holds: its revision (the next deploy's base) and, after a deploy or an open, what runs. */
export function markDeployed(revision: number, running?: DesignDocument): void {
  designerStore.set((state) => ({
    ...state,
    baseRevision: revision,
    runningDocument: running ?? state.runningDocument,
    deployedId: running?.id ?? state.deployedId,
    deletedOnRuntime: false,
    // Deployed: what was a draft is now what runs.
    restoredDraft: running ? undefined : state.restoredDraft,
  }));
}

/** The runtime no longer has the pipeline: nothing runs, and the next deploy creates it again. */
export function markDeletedOnRuntime(): void {
  designerStore.set((state) =>
    state.deletedOnRuntime ? state : { ...state, deletedOnRuntime: true, baseRevision: undefined, runningDocument: undefined },
  );
}

export function setTextAhead(textAhead: TextAhead | undefined): void {
  designerStore.set((state) => (state.textAhead === textAhead ? state : { ...state, textAhead }));
}

export function setUi(change: Partial<UiState>): void {
  designerStore.set((state) => {
    const same = Object.entries(change).every(([key, value]) => state.ui[key as keyof UiState] === value);
    return same ? state : { ...state, ui: { ...state.ui, ...change } };
  });
}

export const showBottomTab = (bottomTab: BottomTab) => setUi({ bottomTab });
