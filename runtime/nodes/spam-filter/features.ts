import { foldText } from './normalize.ts';

/** How texts become features; stored in the model so prediction extracts exactly what training did. */
export interface FeatureOptions {
  /** Features are hashed into 2^hashBits buckets: no vocabulary to store, memory bounded. */
  hashBits: number;
  /** Character n-gram sizes, taken inside each word padded with spaces ("␣free␣"). */
  charNgramMin: number;
  charNgramMax: number;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { hashBits: 20, charNgramMin: 3, charNgramMax: 5 };

// Words keep a few symbols that mark spam in both corpora (prices, prize amounts).
const WORD = /[\p{L}\p{N}£$€]+(?:['’][\p{L}]+)?/gu;

export function words(text: string): string[] {
  return foldText(text).match(WORD) ?? [];
}

/** FNV-1a over UTF-16 code units: fast, deterministic and the same on every platform. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The set of feature buckets in a text: word unigrams, word bigrams and character n-grams.
 * A set, not counts: in texts this short, whether a feature occurs says more than how often,
 * and one word repeated twenty times should not outvote the rest of the message.
 */
export function featureBuckets(text: string, options: FeatureOptions): Set<number> {
  const mask = 2 ** options.hashBits - 1;
  const buckets = new Set<number>();
  // Kind prefixes keep the word "win" and the character trigram "win" apart.
  const add = (feature: string) => buckets.add(fnv1a(feature) & mask);
  const tokens = words(text);
  tokens.forEach((word, index) => {
    add(`w:${word}`);
    const next = tokens[index + 1];
    if (next !== undefined) add(`b:${word} ${next}`);
    const padded = ` ${word} `;
    const chars = [...padded];
    for (let size = options.charNgramMin; size <= options.charNgramMax; size++) {
      for (let start = 0; start + size <= chars.length; start++) add(`c:${chars.slice(start, start + size).join('')}`);
    }
  });
  return buckets;
}
