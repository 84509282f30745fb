import type { SpamReason } from './reason.ts';
import { signalsOf, type TextInput } from './signals.ts';

export interface ShoutingOptions {
  maxCapsRatio: number;
  minLetters: number;
  maxRepeatedChars: number;
}

/** Share of capitals among the letters that have a case (digits, CJK and emoji do not count). */
export function capitalsRatio(text: string): { ratio: number; letters: number } {
  let letters = 0;
  let capitals = 0;
  for (const char of text) {
    const lower = char.toLowerCase();
    const upper = char.toUpperCase();
    if (lower === upper) continue;
    letters++;
    if (char === upper) capitals++;
  }
  return { ratio: letters === 0 ? 0 : capitals / letters, letters };
}

/**
 * The longest run of one character. Spaces, digits and full stops do not count: "1000000" is a
 * number and "......" a trailing-off, common in honest texts; "!!!!!!!" and "sooooooo" are not.
 */
export function longestRepeat(text: string): { char: string; length: number } {
  let best = { char: '', length: 0 };
  let current = { char: '', length: 0 };
  for (const char of text) {
    const counts = !/[\s\d.…]/u.test(char);
    current = counts && char === current.char ? { char, length: current.length + 1 } : { char: counts ? char : '', length: counts ? 1 : 0 };
    if (current.length > best.length) best = current;
  }
  return best;
}

/**
 * Flags TEXT IN CAPITALS and characters held down ("!!!!!!!", "sooooooo"). Off by default: on the corpora it is
 * wrong more often than right (honest people shout about bad food and good songs), see docs/spam-filter.md.
 */
export function shoutingRule(input: TextInput, options: ShoutingOptions): SpamReason[] {
  const signals = signalsOf(input);
  const reasons: SpamReason[] = [];
  const { ratio, letters } = signals.capitals;
  if (letters >= options.minLetters && ratio > options.maxCapsRatio) {
    const percent = Math.round(ratio * 100);
    reasons.push({
      rule: 'shouting',
      detail: `${percent}% of its letters are capitals (at most ${Math.round(options.maxCapsRatio * 100)}% allowed)`,
      capitalsPercent: percent,
    });
  }
  const repeat = signals.longestRepeat;
  if (repeat.length > options.maxRepeatedChars) {
    reasons.push({
      rule: 'shouting',
      detail: `repeats '${repeat.char}' ${repeat.length} times in a row (at most ${options.maxRepeatedChars} allowed)`,
      repeated: { char: repeat.char, times: repeat.length },
    });
  }
  return reasons;
}
