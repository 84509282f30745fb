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
  for (let at = 0; at < text.length; ) {
    const code = text.charCodeAt(at);
    if (code < 128) {
      // ASCII, most of any text: only A-Z and a-z have a case.
      at++;
      if (code >= 65 && code <= 90) {
        letters++;
        capitals++;
      } else if (code >= 97 && code <= 122) letters++;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(at) as number);
    at += char.length;
    const lower = char.toLowerCase();
    const upper = char.toUpperCase();
    if (lower === upper) continue;
    letters++;
    if (char === upper) capitals++;
  }
  return { ratio: letters === 0 ? 0 : capitals / letters, letters };
}

const NOT_COUNTED = /[\s\d.…]/u;

/** Whether a character (one code point) counts toward a repeat: not a space, a digit or a full stop. */
function countsTowardRepeat(char: string, code: number): boolean {
  if (code >= 128) return !NOT_COUNTED.test(char);
  return !((code >= 9 && code <= 13) || code === 32 || (code >= 48 && code <= 57) || code === 46);
}

/**
 * The longest run of one character. Spaces, digits and full stops do not count: "1000000" is a
 * number and "......" a trailing-off, common in honest texts; "!!!!!!!" and "sooooooo" are not.
 */
export function longestRepeat(text: string): { char: string; length: number } {
  let bestChar = '';
  let bestLength = 0;
  let char = '';
  let length = 0;
  for (let at = 0; at < text.length; ) {
    const code = text.charCodeAt(at);
    const next = code < 128 ? text[at] : String.fromCodePoint(text.codePointAt(at) as number);
    at += (next as string).length;
    if (!countsTowardRepeat(next as string, code)) {
      char = '';
      length = 0;
    } else if (next === char) length++;
    else {
      char = next as string;
      length = 1;
    }
    if (length > bestLength) {
      bestChar = char;
      bestLength = length;
    }
  }
  return { char: bestChar, length: bestLength };
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
