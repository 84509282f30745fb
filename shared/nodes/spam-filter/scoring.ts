import { type FeatureOptions, metaBuckets, pairBucketAfter, pairPrefix, tokensOf, visitTokenFeatures } from './features.ts';
import type { SpamModel } from './model.ts';
import type { TextSignals } from './signals.ts';
import { type WeightTable, weightTableOf } from './weight-table.ts';

/** Tokens a scorer remembers, at most: past that it forgets them all and starts again. */
export const MAX_REMEMBERED_TOKENS = 20_000;

const PAIR_PREFIX = 0;
const SEEN_IN = 1;
const FIRST_SLOT = 2;

/**
 * Scores texts with one model. Most of a text's features are a word's own (the word and its character n-grams),
 * the same wherever the word occurs: per token the scorer keeps the table slots of those the model kept, in the
 * order visitTokenFeatures visits them, and the hash state its pairs start from, so a word seen before costs one
 * lookup instead of a dozen hashes and table probes. The sum is taken in the order visitFeatures visits, over the
 * same distinct buckets, so the log-odds are the very same number (floating-point sums depend on their order).
 */
export class TextScorer {
  /** Per token: its pairPrefix, the last text it was counted in, then the slots of its own kept features. */
  private readonly tokens = new Map<string, Int32Array>();

  constructor(
    private readonly features: FeatureOptions,
    private readonly table: WeightTable,
    private readonly maxTokens = MAX_REMEMBERED_TOKENS,
  ) {}

  /** How many tokens it remembers now (never more than its maximum). */
  get rememberedTokens(): number {
    return this.tokens.size;
  }

  logOdds(signals: TextSignals): number {
    const { table, features } = this;
    table.startText();
    // As an Int32Array holds it; after the table's count of texts wraps round, every remembered stamp is stale.
    const text = table.currentText | 0;
    if (text === 1) this.tokens.clear();
    // Summed in this function's own variable, never in a closure's: a captured number is boxed on every addition.
    let logOdds = 0;
    const words = tokensOf(signals);
    let entry = words.length > 0 ? this.entryOf(words[0] as string) : undefined;
    for (let index = 0; entry !== undefined; index++) {
      const next = index + 1 < words.length ? this.entryOf(words[index + 1] as string) : undefined;
      if (next !== undefined) {
        const slot = table.keptSlot(pairBucketAfter(entry[PAIR_PREFIX] as number, words[index + 1] as string, features));
        if (slot >= 0) logOdds += table.countSlotOnce(slot);
      }
      // A token met again in the same text has all its own features counted already: they would add 0 each.
      if (entry[SEEN_IN] !== text) {
        entry[SEEN_IN] = text;
        for (let at = FIRST_SLOT; at < entry.length; at++) logOdds += table.countSlotOnce(entry[at] as number);
      }
      entry = next;
    }
    for (const bucket of metaBuckets(signals, features)) logOdds += table.countOnce(bucket);
    return logOdds;
  }

  private entryOf(word: string): Int32Array {
    let entry = this.tokens.get(word);
    if (entry === undefined) {
      const kept: number[] = [pairPrefix(word), 0];
      visitTokenFeatures(word, this.features, (bucket) => {
        const slot = this.table.keptSlot(bucket);
        if (slot >= 0) kept.push(slot);
      });
      entry = Int32Array.from(kept);
      if (this.tokens.size >= this.maxTokens) this.tokens.clear();
      this.tokens.set(word, entry);
    }
    return entry;
  }
}

const scorers = new WeakMap<SpamModel, TextScorer>();

/** The model's scorer, made once per model. */
export function scorerOf(model: SpamModel): TextScorer {
  let scorer = scorers.get(model);
  if (scorer === undefined) {
    scorer = new TextScorer(model.features, weightTableOf(model));
    scorers.set(model, scorer);
  }
  return scorer;
}
