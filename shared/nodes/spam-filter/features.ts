import { COURSE_WORDS } from './course-words.ts';
import { metaFeatures } from './meta-features.ts';
import type { TextSignals } from './signals.ts';

/** How texts become features; stored in the model so prediction extracts exactly what training did. */
export interface FeatureOptions {
  /** Features are hashed into 2^hashBits buckets: no vocabulary to store, memory bounded. */
  hashBits: number;
  /** Character n-gram sizes, taken inside each word padded with spaces ("␣free␣"). */
  charNgramMin: number;
  charNgramMax: number;
  /** Words that may only vouch for a text, never count against it (see course-words.ts). */
  neverSpamWords: string[];
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  hashBits: 20,
  charNgramMin: 2,
  charNgramMax: 4,
  neverSpamWords: [...COURSE_WORDS],
};

/** What a feature is, for training (a never-spam word's weight is kept at or below 0) and for reasons. */
export type FeatureKind = 'word' | 'never-spam word' | 'word pair' | 'characters' | 'meta';

/** Called once per feature occurrence: its bucket, its kind, and what a person calls it (null: the bias, never shown). */
export type FeatureVisitor = (bucket: number, label: string | null, kind: FeatureKind) => void;

// FNV-1a over UTF-16 code units, folded in piece by piece so no feature string is ever built.
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fold(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

// Kind prefixes keep the word "win", the character trigram "win" and the never-spam word apart.
const WORD = fold(FNV_OFFSET, 'w:');
const NEVER_SPAM_WORD = fold(FNV_OFFSET, 'n:');
const PAIR = fold(FNV_OFFSET, 'b:');
const CHARS = fold(FNV_OFFSET, 'c:');
const META = fold(FNV_OFFSET, 'm:');
const SPACE = 32;

function isDigits(word: string): boolean {
  if (word.length === 0) return false;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** Numbers by their length, not their value: "2015" and "1884" say the same, and a phone number says "11 digits". */
function token(word: string): string {
  return isDigits(word) ? `${Math.min(word.length, 8)}-digit number` : word;
}

const neverSpamSets = new WeakMap<string[], Set<string>>();

function neverSpamSet(words: string[]): Set<string> {
  let set = neverSpamSets.get(words);
  if (set === undefined) {
    set = new Set(words);
    neverSpamSets.set(words, set);
  }
  return set;
}

/**
 * Every feature of a text (`labels: false` when only the buckets matter, which spares a string per word pair): word unigrams and bigrams, character n-grams inside each space-padded word, and the
 * meta features (meta-features.ts), each hashed into a bucket. A word's n-grams carry the word as their label, so
 * a reason can say "subscribe +2.1" for the word and its spellings ("subscribeee", "suscribe") together.
 */
export function visitFeatures(signals: TextSignals, options: FeatureOptions, visit: FeatureVisitor, labels = true): void {
  const mask = 2 ** options.hashBits - 1;
  const { charNgramMin: min, charNgramMax: max } = options;
  const neverSpam = neverSpamSet(options.neverSpamWords);
  const original = signals.words;
  const words = original.map(token);
  for (let index = 0; index < words.length; index++) {
    const word = words[index] as string;
    const next = words[index + 1];
    // Without labels (scoring), a word pair's label is not built: it is the one label that costs a string.
    if (next !== undefined) visit((fold(fold(fold(PAIR, word), ' '), next) >>> 0) & mask, labels ? `${word} ${next}` : '', 'word pair');
    if (neverSpam.has(word)) {
      visit((fold(NEVER_SPAM_WORD, word) >>> 0) & mask, word, 'never-spam word');
      continue;
    }
    visit((fold(WORD, word) >>> 0) & mask, word, 'word');
    if (word !== original[index]) continue; // a number's digits are not letters to spell
    // The n-grams of the word padded with a space each side (" free "), read without building that string.
    const padded = word.length + 2;
    for (let start = 0; start + min <= padded; start++) {
      let h = CHARS;
      const end = Math.min(padded, start + max);
      for (let at = start; at < end; at++) {
        h = Math.imul(h ^ (at === 0 || at === padded - 1 ? SPACE : word.charCodeAt(at - 1)), FNV_PRIME);
        if (at - start + 1 >= min) visit((h >>> 0) & mask, word, 'characters');
      }
    }
  }
  for (const name of metaFeatures(signals)) visit((fold(META, name) >>> 0) & mask, name === 'bias' ? null : name, 'meta');
}

/** The distinct buckets of a text: a set, since in texts this short whether a feature occurs says more than how often. */
export function featureBuckets(signals: TextSignals, options: FeatureOptions): number[] {
  const buckets = new Set<number>();
  visitFeatures(signals, options, (bucket) => buckets.add(bucket));
  return [...buckets];
}
