import { contributions, predict } from './classifier.ts';
import type { SpamModel } from './model.ts';
import { plural, type SpamReason } from './reason.ts';
import { signalsOf, type TextInput } from './signals.ts';

/** Texts with fewer words than this are short: a few words give the classifier little to go on. */
export const SHORT_TEXT_WORDS = 4;

/**
 * The score a text needs to be flagged: the threshold, or for a short text halfway from the threshold to 1
 * (0.5 → 0.75, 0.8 → 0.9). "Good", "Hard to follow" and "Check it out." are mostly words that also occur in spam;
 * a short text is flagged only when its few words are strongly spam ("subscribe to my channel").
 */
export function requiredScore(threshold: number, words: number): number {
  return words < SHORT_TEXT_WORDS ? (1 + threshold) / 2 : threshold;
}

const signed = (weight: number) => `${weight >= 0 ? '+' : '−'}${Math.abs(weight).toFixed(1)}`;

/** Flags a text the model scores at or above the score it needs, naming the few features that pushed it most. */
export function classifierRule(model: SpamModel, input: TextInput, threshold: number): SpamReason[] {
  const signals = signalsOf(input);
  const score = predict(model, signals);
  const needed = requiredScore(threshold, signals.words.length);
  if (score < needed) return [];
  const pushedBy = contributions(model, signals)
    .filter((contribution) => contribution.weight >= 0.05)
    .slice(0, 3)
    .map(({ feature, weight }) => ({ feature, weight: Math.round(weight * 100) / 100 }));
  const bar =
    needed === threshold
      ? `the threshold is ${threshold.toFixed(2)}`
      : `a text of under ${plural(SHORT_TEXT_WORDS, 'word')} needs ${needed.toFixed(2)} (threshold ${threshold.toFixed(2)})`;
  const why = pushedBy.length === 0 ? '' : `; pushed up most by ${pushedBy.map((p) => `${p.feature} ${signed(p.weight)}`).join(', ')}`;
  return [{ rule: 'classifier', detail: `spam score ${score.toFixed(2)}, ${bar}${why}`, score, threshold, pushedBy }];
}
