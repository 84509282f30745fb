// The JSON view's half of the two-way sync: the document as text, and text back to a document. Both directions
// compare meaning, not characters, so an echo of our own edit is never written back under the cursor.
import { asDesignDocument, type DesignDocument } from '../store/document.ts';

export function documentText(doc: DesignDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Whether `text` already says what `doc` says (whatever its formatting), so the editor need not be rewritten. */
export function textMatches(text: string, doc: DesignDocument): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(doc);
  } catch {
    return false;
  }
}

/**
 * The document typed text describes, when it says something new and parses into a document the canvas can draw;
 * undefined otherwise (half-typed JSON, an unknown node type…), and Monaco's squiggles say why.
 */
export function documentFromText(text: string, current: DesignDocument): DesignDocument | undefined {
  if (textMatches(text, current)) return undefined;
  try {
    return asDesignDocument(JSON.parse(text));
  } catch {
    return undefined;
  }
}
