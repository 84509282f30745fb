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
  private cachedFolded: string | undefined;
  private cachedWords: string[] | undefined;
  private cachedWordText: string | undefined;
  private cachedCapitals: { ratio: number; letters: number } | undefined;
  private cachedRepeat: { char: string; length: number } | undefined;

  constructor(readonly text: string) {}

  get links(): string[] {
    this.cachedLinks ??= findLinks(this.text);
    return this.cachedLinks;
  }

  get contacts(): Contact[] {
    this.cachedContacts ??= findContacts(this.text);
    return this.cachedContacts;
  }

  /** The text folded (NFKC, no accents, lowercase): what the blocklist and the words are read from. */
  get folded(): string {
    this.cachedFolded ??= foldText(this.text);
    return this.cachedFolded;
  }

  /** The folded words (NFKC, no accents, lowercase), in order. */
  get words(): string[] {
    this.cachedWords ??= this.folded.match(WORD) ?? [];
    return this.cachedWords;
  }

  /** The folded words joined by single spaces: the duplicate rule's key and the classifier's phrases read it. */
  get wordText(): string {
    this.cachedWordText ??= this.words.join(' ');
    return this.cachedWordText;
  }

  get capitals(): { ratio: number; letters: number } {
    this.cachedCapitals ??= capitalsRatio(this.text);
    return this.cachedCapitals;
  }

  get longestRepeat(): { char: string; length: number } {
    this.cachedRepeat ??= longestRepeat(this.text);
    return this.cachedRepeat;
  }
}

/** Rules accept a text or its signals, so a caller that runs several of them works each signal out once. */
export type TextInput = string | TextSignals;

export const signalsOf = (input: TextInput): TextSignals => (typeof input === 'string' ? new TextSignals(input) : input);
