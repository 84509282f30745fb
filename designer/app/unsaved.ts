// "Would leaving now lose something?" Edits (or a restored draft, or JSON text ahead of the canvas) that differ from
// what runs. Opening a pipeline and only looking at it, or undoing back to what runs, is nothing to lose.
import type { DesignerState } from '../store/designer-store.ts';
import { deployedness } from './dirty.ts';

export function unsavedChanges(state: DesignerState): boolean {
  const touched = state.history.past.length > 0 || state.restoredDraft !== undefined || state.textAhead !== undefined;
  return touched && (state.textAhead !== undefined || deployedness(state.history.present, state.runningDocument) !== 'in-sync');
}

/** The document is exactly what runs: its draft, if any, has nothing left to keep. */
export function inSyncWithRuntime(state: DesignerState): boolean {
  return (
    state.runningDocument !== undefined &&
    state.textAhead === undefined &&
    deployedness(state.history.present, state.runningDocument) === 'in-sync'
  );
}
