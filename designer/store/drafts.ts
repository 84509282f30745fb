// Local drafts, one per pipeline id, in the browser's localStorage: every edit is kept, so a reload or a closed tab
// loses nothing, and the app reopens the pipeline that was being edited. A storage that refuses (full, disabled)
// costs the draft, never the edit.
import { asDesignDocument, type DesignDocument } from './document.ts';

export type Draft = { doc: DesignDocument; baseRevision?: number | undefined; savedAt: string };
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const DRAFT_PREFIX = 'sluice.draft.';
const LAST_OPEN = 'sluice.lastOpen';

export function saveDraft(storage: DraftStorage, draft: Draft): boolean {
  return attempt(() => storage.setItem(DRAFT_PREFIX + draft.doc.id, JSON.stringify(draft)));
}

/** The draft kept for a pipeline id, when there is one that still reads as a document. */
export function loadDraft(storage: DraftStorage, pipelineId: string): Draft | undefined {
  const text = read(storage, DRAFT_PREFIX + pipelineId);
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const { doc, baseRevision, savedAt } = value as Record<string, unknown>;
    const document = asDesignDocument(doc);
    if (!document || document.id !== pipelineId || typeof savedAt !== 'string') return undefined;
    return { doc: document, baseRevision: typeof baseRevision === 'number' ? baseRevision : undefined, savedAt };
  } catch {
    return undefined;
  }
}

export function removeDraft(storage: DraftStorage, pipelineId: string): void {
  attempt(() => storage.removeItem(DRAFT_PREFIX + pipelineId));
}

/** Remembers which pipeline is open, so a reload reopens it. */
export function rememberOpen(storage: DraftStorage, pipelineId: string): void {
  attempt(() => storage.setItem(LAST_OPEN, pipelineId));
}

export function lastOpen(storage: DraftStorage): string | undefined {
  return read(storage, LAST_OPEN);
}

function read(storage: DraftStorage, key: string): string | undefined {
  try {
    return storage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

function attempt(write: () => void): boolean {
  try {
    write();
    return true;
  } catch {
    return false;
  }
}

/** The browser's localStorage, or none (a sandboxed frame, a test without one). */
export function browserStorage(): DraftStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
