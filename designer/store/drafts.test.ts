import { describe, expect, it } from 'vitest';
import { documentWith } from '../test-utils/documents.ts';
import { type DraftStorage, lastOpen, loadDraft, rememberOpen, removeDraft, saveDraft } from './drafts.ts';

const doc = { ...documentWith([['reviews', 'source.kafka']]), id: 'review-stats' };

function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

describe('local drafts', () => {
  it('keeps one draft per pipeline id and gives it back as it was saved', () => {
    const storage = memoryStorage();
    const draft = { doc, baseRevision: 4, savedAt: '2026-01-01T00:00:00.000Z' };
    expect(saveDraft(storage, draft)).toBe(true);
    saveDraft(storage, { doc: { ...doc, id: 'other' }, savedAt: draft.savedAt });
    expect(loadDraft(storage, 'review-stats')).toEqual(draft);
    expect(loadDraft(storage, 'other')?.baseRevision).toBeUndefined();
    removeDraft(storage, 'review-stats');
    expect(loadDraft(storage, 'review-stats')).toBeUndefined();
    expect(loadDraft(storage, 'other')).toBeDefined();
  });

  it('ignores what does not read as a draft of that pipeline', () => {
    const storage = memoryStorage();
    storage.setItem('sluice.draft.review-stats', '{ not json');
    expect(loadDraft(storage, 'review-stats')).toBeUndefined();
    storage.setItem('sluice.draft.review-stats', JSON.stringify({ doc: { ...doc, id: 'elsewhere' }, savedAt: 'now' }));
    expect(loadDraft(storage, 'review-stats')).toBeUndefined();
    storage.setItem('sluice.draft.review-stats', JSON.stringify({ doc: { nodes: 'no' }, savedAt: 'now' }));
    expect(loadDraft(storage, 'review-stats')).toBeUndefined();
  });

  it('remembers the pipeline that was open', () => {
    const storage = memoryStorage();
    expect(lastOpen(storage)).toBeUndefined();
    rememberOpen(storage, 'e2e-built');
    expect(lastOpen(storage)).toBe('e2e-built');
  });

  it('loses the draft, not the edit, when the storage refuses', () => {
    const full: DraftStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => {},
    };
    expect(saveDraft(full, { doc, savedAt: 'now' })).toBe(false);
    expect(loadDraft(full, 'review-stats')).toBeUndefined();
    expect(lastOpen(full)).toBeUndefined();
  });
});
