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

const NUMBER_TOKEN = '-digit number';

/** Numbers by their length, not their value: "2015" and "1884" say the same, and a phone number says "11 digits". */
function token(word: string): string {
  return isDigits(word) ? `${Math.min(word.length, 8)}${NUMBER_TOKEN}` : word;
}

// A word never holds a space (signals.ts WORD), so only a number's token ends so.
const isNumberToken = (word: string) => word.endsWith(NUMBER_TOKEN);

// The meta features are a dozen fixed names: each is hashed once.
const metaHashes = new Map<string, number>();

function metaHash(name: string): number {
  let hash = metaHashes.get(name);
  if (hash === undefined) {
    hash = fold(META, name);
    metaHashes.set(name, hash);
  }
  return hash;
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

/** A text's words as features see them: a number by its length ("4-digit number"), any other word as it is. */
export function tokensOf(signals: TextSignals): string[] {
  return signals.words.map(token);
}

/** The hash state after `first` and the space of a pair: the same for every pair the token starts. */
export function pairPrefix(first: string): number {
  return fold(fold(PAIR, first), ' ');
}

/** The bucket of the word pair `first next`, from its first word's pairPrefix. */
export function pairBucketAfter(prefix: number, next: string, options: FeatureOptions): number {
  return (fold(prefix, next) >>> 0) & (2 ** options.hashBits - 1);
}

/**
 * The features of one token on its own, its pairs aside: a never-spam word, or the word and, unless it stands for
 * a number, its character n-grams inside the word padded with spaces (" free "). The same token always has the
 * same features: a scorer may keep them (scoring.ts).
 */
export function visitTokenFeatures(word: string, options: FeatureOptions, visit: FeatureVisitor): void {
  const mask = 2 ** options.hashBits - 1;
  if (neverSpamSet(options.neverSpamWords).has(word)) {
    visit((fold(NEVER_SPAM_WORD, word) >>> 0) & mask, word, 'never-spam word');
    return;
  }
  visit((fold(WORD, word) >>> 0) & mask, word, 'word');
  if (isNumberToken(word)) return; // a number's digits are not letters to spell
  const { charNgramMin: min, charNgramMax: max } = options;
  // The padded word is read without building that string.
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

/** The meta features' buckets (meta-features.ts), in the order visitFeatures visits them. */
export function metaBuckets(signals: TextSignals, options: FeatureOptions): number[] {
  const mask = 2 ** options.hashBits - 1;
  return metaFeatures(signals).map((name) => (metaHash(name) >>> 0) & mask);
}

/**
 * Every feature of a text, in order: per word its pair with the next word, then its own features
 * (visitTokenFeatures); then the meta features. Each is hashed into a bucket. A word's n-grams carry the word as
 * their label, so a reason can say "subscribe +2.1" for the word and its spellings ("subscribeee", "suscribe").
 */
export function visitFeatures(signals: TextSignals, options: FeatureOptions, visit: FeatureVisitor): void {
  const words = tokensOf(signals);
  for (let index = 0; index < words.length; index++) {
    const word = words[index] as string;
    const next = words[index + 1];
    if (next !== undefined) visit(pairBucketAfter(pairPrefix(word), next, options), `${word} ${next}`, 'word pair');
    visitTokenFeatures(word, options, visit);
  }
  const mask = 2 ** options.hashBits - 1;
  for (const name of metaFeatures(signals)) visit((metaHash(name) >>> 0) & mask, name === 'bias' ? null : name, 'meta');
}

/** The distinct buckets of a text: a set, since in texts this short whether a feature occurs says more than how often. */
export function featureBuckets(signals: TextSignals, options: FeatureOptions): number[] {
  const buckets = new Set<number>();
  visitFeatures(signals, options, (bucket) => buckets.add(bucket));
  return [...buckets];
}
