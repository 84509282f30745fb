import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { designerStore, edit, markDeployed, openDocument } from '../store/designer-store.ts';
import { type DraftStorage, lastOpen, loadDraft } from '../store/drafts.ts';
import { documentWith } from '../test-utils/documents.ts';
import { keepDraftNow, startDraftKeeper } from './draft-keeper.ts';
import { unsavedChanges } from './unsaved.ts';

const running = { ...documentWith([['reviews', 'source.kafka']]), id: 'review-stats' };
const renamed = (name: string) => edit((d) => ({ ...d, name }), 'name');

function memoryStorage(): DraftStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

let storage: DraftStorage;
beforeEach(() => {
  storage = memoryStorage();
  openDocument(running, { revision: 2, running });
});
afterEach(() => vi.useRealTimers());

describe('drafts of the open pipeline', () => {
  it('has nothing to keep for a pipeline opened and only looked at', () => {
    expect(unsavedChanges(designerStore.get())).toBe(false);
    keepDraftNow(storage);
    expect(loadDraft(storage, 'review-stats')).toBeUndefined();
    expect(lastOpen(storage)).toBe('review-stats');
  });

  it('keeps an edit with the revision it was based on, and drops the draft once it is deployed', () => {
    renamed('Edited');
    expect(unsavedChanges(designerStore.get())).toBe(true);
    keepDraftNow(storage, new Date(0));
    expect(loadDraft(storage, 'review-stats')).toEqual({
      doc: designerStore.get().history.present,
      baseRevision: 2,
      savedAt: '1970-01-01T00:00:00.000Z',
    });
    markDeployed(3, designerStore.get().history.present);
    keepDraftNow(storage);
    expect(loadDraft(storage, 'review-stats')).toBeUndefined();
  });

  it('keeps typed edits a little after the last keystroke, and at once when the page goes away', () => {
    vi.useFakeTimers();
    const stop = startDraftKeeper(storage, 300);
    renamed('E');
    renamed('Ed');
    expect(loadDraft(storage, 'review-stats')).toBeUndefined();
    vi.advanceTimersByTime(300);
    expect(loadDraft(storage, 'review-stats')?.doc.name).toBe('Ed');
    renamed('Edit');
    const leaving = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaving);
    expect(loadDraft(storage, 'review-stats')?.doc.name).toBe('Edit');
    expect(leaving.defaultPrevented).toBe(true); // the browser asks before the page is left
    stop();
  });

  it('does not ask before leaving when nothing is unsaved', () => {
    const stop = startDraftKeeper(storage);
    const leaving = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaving);
    expect(leaving.defaultPrevented).toBe(false);
    stop();
  });

  it('moves the draft of a local pipeline whose id is edited', () => {
    vi.useFakeTimers();
    openDocument({ ...running, id: 'local-one' });
    const stop = startDraftKeeper(storage, 10);
    edit((d) => ({ ...d, name: 'Mine' }));
    vi.advanceTimersByTime(10);
    expect(loadDraft(storage, 'local-one')).toBeDefined();
    edit((d) => ({ ...d, id: 'local-two' }));
    vi.advanceTimersByTime(10);
    expect(loadDraft(storage, 'local-one')).toBeUndefined();
    expect(loadDraft(storage, 'local-two')?.doc.name).toBe('Mine');
    stop();
  });
});
