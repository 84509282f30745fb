import { type Contact, findContacts } from './contacts.ts';
import { findLinks } from './links.ts';
import { foldText } from './normalize.ts';
import { capitalsRatio, longestRepeat } from './shouting.ts';

// Words keep a few symbols that mark spam (prices, prize amounts).
const WORD = /[\p{L}\p{N}£$€]+(?:['’][\p{L}]+)?/gu;

/**
 * What the rules and the classifier look for in one text, each worked out once, when first asked for: the links
 * rule and the classifier's "a link" feature read the same links, and a rule that is off costs nothing.
 */
export class TextSignals {
  private cachedLinks: string[] | undefined;
  private cachedContacts: Contact[] | undefined;
  private cachedWords: string[] | undefined;

  constructor(readonly text: string) {}

  get links(): string[] {
    this.cachedLinks ??= findLinks(this.text);
    return this.cachedLinks;
  }

  get contacts(): Contact[] {
    this.cachedContacts ??= findContacts(this.text);
    return this.cachedContacts;
  }

  /** The folded words (NFKC, no accents, lowercase), in order. */
  get words(): string[] {
    this.cachedWords ??= foldText(this.text).match(WORD) ?? [];
    return this.cachedWords;
  }

  get capitals(): { ratio: number; letters: number } {
    return capitalsRatio(this.text);
  }

  get longestRepeat(): { char: string; length: number } {
    return longestRepeat(this.text);
  }
}

/** Rules accept a text or its signals, so a caller that runs several of them works each signal out once. */
export type TextInput = string | TextSignals;

export const signalsOf = (input: TextInput): TextSignals => (typeof input === 'string' ? new TextSignals(input) : input);
