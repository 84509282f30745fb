// The designer's state: the document (with its undo history) is the single source of truth; everything the canvas,
// inspector and JSON view show is derived from it. Metrics live elsewhere (metrics/) so live rates never touch this.
import { createStore } from './create-store.ts';
import { type DesignDocument, emptyDocument } from './document.ts';
import { type History, pushPast, record, redo, replacePresent, startHistory, undo } from './history.ts';

export type Selection = {
  nodeIds: string[];
  edgeKeys: string[];
  /** A JSON pointer to reveal in the inspector (a clicked problem's path). */
  focusPath?: string;
};

export type DesignerState = {
  history: History<DesignDocument>;
  selection: Selection;
  /** The revision the runtime last gave us, sent back on deploy so a stale save gets a 409. */
  baseRevision?: number | undefined;
  /** The version running on the runtime (for the dirty marker and the diff). */
  runningDocument?: DesignDocument | undefined;
  /** The document before a drag started; pushed onto the undo stack when the drag ends. */
  dragBase?: DesignDocument | undefined;
  /** Counts the documents opened, so the canvas can frame each new one. */
  opened: number;
};

export const EMPTY_SELECTION: Selection = { nodeIds: [], edgeKeys: [] };

export const designerStore = createStore<DesignerState>({ history: startHistory(emptyDocument()), selection: EMPTY_SELECTION, opened: 0 });

export const currentDocument = (state: DesignerState) => state.history.present;

/** Applies an edit as one undo step (or folds it into the previous one with the same coalesce key). */
export function edit(change: (doc: DesignDocument) => DesignDocument, coalesceKey?: string): void {
  designerStore.set((state) => ({ ...state, history: record(state.history, change(state.history.present), coalesceKey) }));
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
  designerStore.set((state) => ({ ...state, history: undo(state.history) }));
}

export function redoEdit(): void {
  designerStore.set((state) => ({ ...state, history: redo(state.history) }));
}

export function select(selection: Selection): void {
  designerStore.set((state) => ({ ...state, selection }));
}

/** Opens a document (from the runtime, a template or a file) with a fresh history. */
export function openDocument(doc: DesignDocument, runtime?: { revision?: number; running?: DesignDocument }): void {
  designerStore.set((state) => ({
    history: startHistory(doc),
    selection: EMPTY_SELECTION,
    baseRevision: runtime?.revision,
    runningDocument: runtime?.running,
    opened: state.opened + 1,
  }));
}

/** What the runtime now holds: its revision (the next deploy's base) and, after a deploy or an open, what runs. */
export function markDeployed(revision: number, running?: DesignDocument): void {
  designerStore.set((state) => ({ ...state, baseRevision: revision, runningDocument: running ?? state.runningDocument }));
}
