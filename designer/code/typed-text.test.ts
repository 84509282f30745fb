import { beforeEach, describe, expect, it } from 'vitest';
import { designerStore, openDocument } from '../store/designer-store.ts';
import { documentWith } from '../test-utils/documents.ts';
import { documentText } from './document-text.ts';
import { takeTypedText, wantedText } from './typed-text.ts';

const doc = documentWith([['reviews', 'source.kafka']]);
beforeEach(() => openDocument(doc));

describe('text typed in the JSON view', () => {
  it('keeps text that does not parse, as typed, and leaves the document as it was', () => {
    const broken = documentText(doc).replace('"nodes"', '"nodes" oops');
    takeTypedText(broken);
    const state = designerStore.get();
    expect(state.history.present).toBe(doc);
    expect(state.textAhead?.text).toBe(broken);
    expect(state.textAhead?.problem.message).toMatch(/^JSON syntax/);
    // Switching tabs remounts the editor: it gets the text back, not the document.
    expect(wantedText()).toBe(broken);
  });

  it('takes the document again once the text reads, and the canvas follows', () => {
    takeTypedText('{');
    const renamed = documentText({ ...doc, name: 'Renamed' });
    takeTypedText(renamed);
    const state = designerStore.get();
    expect(state.textAhead).toBeUndefined();
    expect(state.history.present.name).toBe('Renamed');
    expect(wantedText()).toBe(renamed);
  });

  it('is no edit when the text only reformats the document', () => {
    takeTypedText(JSON.stringify(doc));
    expect(designerStore.get().history.past).toHaveLength(0);
  });
});
