import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText } from './normalize.ts';
import { capitalsRatio, longestRepeat } from './shouting.ts';

// The definitions, character by character as written first; the rules' versions take shortcuts for ASCII.
function capitalsByDefinition(text: string): { ratio: number; letters: number } {
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

function repeatByDefinition(text: string): { char: string; length: number } {
  let best = { char: '', length: 0 };
  let current = { char: '', length: 0 };
  for (const char of text) {
    const counts = !/[\s\d.…]/u.test(char);
    current = counts && char === current.char ? { char, length: current.length + 1 } : { char: counts ? char : '', length: counts ? 1 : 0 };
    if (current.length > best.length) best = current;
  }
  return best;
}

const foldByDefinition = (text: string) =>
  text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase();

// Runs of a few characters, ASCII and not, with spaces, digits, full stops, astral letters and lone surrogates.
const char = fc.constantFrom(
  'a',
  'A',
  'z',
  'Z',
  '!',
  '.',
  '…',
  ' ',
  '\u00a0',
  '\t',
  '7',
  'é',
  'É',
  'ß',
  'ǅ',
  'ｆ',
  '𝐀',
  '😀',
  '\ud800',
  'İ',
  'ſ',
);
const text = fc.oneof(
  fc.array(fc.tuple(char, fc.integer({ min: 1, max: 9 })), { maxLength: 12 }).map((runs) => runs.map(([c, n]) => c.repeat(n)).join('')),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

describe('the shouting measures', () => {
  it('count capitals as the definition does, for any text', () => {
    fc.assert(
      fc.property(text, (sample) => {
        expect(capitalsRatio(sample)).toEqual(capitalsByDefinition(sample));
      }),
      { numRuns: 2000 },
    );
  });

  it('find the longest repeat as the definition does, for any text', () => {
    fc.assert(
      fc.property(text, (sample) => {
        expect(longestRepeat(sample)).toEqual(repeatByDefinition(sample));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('foldText', () => {
  it('folds ASCII and any other text as the four normalisations do', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'binary-ascii' })), (sample) => {
        expect(foldText(sample)).toBe(foldByDefinition(sample));
      }),
      {
        numRuns: 2000,
      },
    );
  });
});
