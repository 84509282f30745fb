// The shared validator, run as the document changes (debounced so typing stays smooth). Issues live in their own
// store so a validation result never becomes an undo step.
import { type ValidationIssue, validatePipeline } from '../../shared/index.ts';
import { createStore } from './create-store.ts';
import { designerStore } from './designer-store.ts';
import type { DesignDocument } from './document.ts';

export type ValidationState = { issues: ValidationIssue[]; issueCounts: ReadonlyMap<string, number>; checked?: DesignDocument };

export const validationStore = createStore<ValidationState>({ issues: [], issueCounts: new Map() });

export function validateNow(doc: DesignDocument): ValidationState {
  const result = validatePipeline(doc);
  const issues = result.ok ? [] : result.issues;
  const issueCounts = new Map<string, number>();
  for (const issue of issues) if (issue.nodeId) issueCounts.set(issue.nodeId, (issueCounts.get(issue.nodeId) ?? 0) + 1);
  const state = { issues, issueCounts, checked: doc };
  validationStore.set(() => state);
  return state;
}

/** Keeps the issues in step with the document; returns the unsubscribe function. */
export function startLiveValidation(delayMs = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  validateNow(designerStore.get().history.present);
  const unsubscribe = designerStore.subscribe(() => {
    const doc = designerStore.get().history.present;
    if (doc === validationStore.get().checked) return;
    clearTimeout(timer);
    timer = setTimeout(() => validateNow(designerStore.get().history.present), delayMs);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
