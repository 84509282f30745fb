// The JSON view's text against the document: typed text that reads as a drawable document becomes the document;
// text that does not is kept as typed (the store's textAhead), with why, until it reads again.
import { currentDocument, designerStore, edit, setTextAhead } from '../store/designer-store.ts';
import { documentText, textMatches } from './document-text.ts';
import { readJsonText } from './read-json-text.ts';

/** What the editor should say: the text ahead of the canvas, or the document as text. */
export function wantedText(): string {
  const state = designerStore.get();
  return state.textAhead?.text ?? documentText(currentDocument(state));
}

export function takeTypedText(text: string): void {
  const read = readJsonText(text);
  if (!read.ok) {
    setTextAhead({ text, problem: read.problem });
    return;
  }
  setTextAhead(undefined);
  if (!textMatches(text, currentDocument(designerStore.get()))) edit(() => read.doc, 'json-text');
}
