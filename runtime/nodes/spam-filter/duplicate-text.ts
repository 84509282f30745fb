import { hashText } from '../../engine/partitioner.ts';
import { foldToWords } from './normalize.ts';
import type { SpamReason } from './reason.ts';

export interface DuplicateTextOptions {
  minLength: number;
}

/** What the store keeps per text key: the review that posted the text first. */
export interface DuplicateEntry {
  firstId: string;
}

export type DuplicateDecision =
  | { kind: 'first'; store: DuplicateEntry } // new text: remember who posted it
  | { kind: 'same-review' } // the first poster again (an edit or a replay): not a copy
  | { kind: 'duplicate'; firstId: string; reason: SpamReason };

/**
 * The store key for a text, or undefined when the text is too short to judge ("great course!"
 * is posted by many honest people). Case, accents, punctuation and spacing are ignored so a
 * copy cannot hide behind them; hashing keeps keys small whatever the text's length. Two 53-bit
 * hashes with different seeds (no node:crypto, so the filter also runs in the designer's preview):
 * two different texts share a key with odds of about 1e-20 over a million texts.
 */
export function duplicateTextKey(text: string, options: DuplicateTextOptions): string | undefined {
  const normalised = foldToWords(text);
  if (normalised.length < options.minLength) return undefined;
  return hashText(normalised) + hashText(normalised, 1);
}

/** Decides from the entry stored under the text's key whether this review copies another. */
export function decideDuplicate(reviewId: string, stored: DuplicateEntry | undefined): DuplicateDecision {
  if (stored === undefined) return { kind: 'first', store: { firstId: reviewId } };
  if (stored.firstId === reviewId) return { kind: 'same-review' };
  return {
    kind: 'duplicate',
    firstId: stored.firstId,
    reason: { rule: 'duplicateText', detail: `same text as review ${stored.firstId}` },
  };
}
