// The document as the JSON view shows it, and the check that tells an echo of our own edit from a real change.
import type { DesignDocument } from '../store/document.ts';

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
