import { describe, expect, it } from 'vitest';
import reviewStats from '../../pipelines/review-stats.json';
import { asDesignDocument, type DesignDocument } from '../store/document.ts';
import { moveNodes } from '../store/edits.ts';
import { documentFromText, documentText, textMatches } from './document-text.ts';

const doc = asDesignDocument(structuredClone(reviewStats)) as DesignDocument;

describe('JSON view ⇄ canvas', () => {
  it('reads its own text back as the same document', () => {
    const text = documentText(doc);
    expect(textMatches(text, doc)).toBe(true);
    expect(documentFromText(text, emptyLike())).toEqual(doc);
  });

  it('ignores text that only reformats what the canvas already shows, so typing is never rewritten', () => {
    expect(documentFromText(JSON.stringify(doc), doc)).toBeUndefined();
  });

  it('takes typed changes, layout included', () => {
    const moved = moveNodes(doc, { reviews: { x: 7, y: 9 } });
    expect(documentFromText(documentText(moved), doc)).toEqual(moved);
    expect(textMatches(documentText(moved), doc)).toBe(false);
  });

  it('waits while the text is half typed or names what the canvas cannot draw', () => {
    expect(documentFromText(documentText(doc).slice(0, 200), emptyLike())).toBeUndefined();
    const unknownType = { ...doc, nodes: [{ id: 'x', type: 'teleport', config: {} }] };
    expect(documentFromText(JSON.stringify(unknownType), doc)).toBeUndefined();
  });
});

function emptyLike(): DesignDocument {
  return { ...doc, nodes: [], edges: [] };
}
