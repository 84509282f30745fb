import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allCorpora } from '../../../runtime/spam/testing/corpus-fixtures.ts';
import { EMAIL, EMAIL_MARK, HANDLE_PATTERNS, MESSENGER_MARK } from './contacts.ts';
import { LINK_MARK, LINK_PATTERN } from './links.ts';

// The cheap marks are looked for first and the costly patterns only where one is found: sound only if no text
// matches a pattern without matching its mark. Texts made of the pieces links, addresses and handles are made of.
const piece = fc.constantFrom(
  'http://',
  'HTTPS://',
  'www.',
  'WWW.',
  '.com',
  '.CO',
  '.uk',
  '.me/',
  '.it/x',
  ' dot ',
  'DOT',
  '(dot)',
  '[ dot ]',
  ' .',
  'net',
  'org',
  '@',
  '[at]',
  '(AT)',
  'at',
  'whatsapp',
  'Whats App',
  'telegram',
  'kik',
  'line id',
  'me',
  ':',
  '+4',
  'add me on ',
  'example',
  'a',
  ' ',
  '\n',
  'é',
  'ſ',
  'K',
);
const text = fc.array(fc.oneof(piece, fc.string({ maxLength: 3 })), { maxLength: 14 }).map((pieces) => pieces.join(''));

const marks: [string, RegExp[], RegExp][] = [
  ['links', [LINK_PATTERN], LINK_MARK],
  ['e-mail addresses', [EMAIL], EMAIL_MARK],
  ['messenger handles', HANDLE_PATTERNS, MESSENGER_MARK],
];

describe.each(marks)('the mark of %s', (_name, patterns, mark) => {
  const matches = (candidate: string) => patterns.some((pattern) => [...candidate.matchAll(pattern)].length > 0);

  it('is in every text the patterns match', () => {
    fc.assert(
      fc.property(text, (candidate) => {
        if (matches(candidate)) expect(mark.test(candidate)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('is in every corpus text the patterns match, and missing from most', async () => {
    const texts = (await allCorpora()).map((example) => example.text);
    let marked = 0;
    for (const candidate of texts) {
      const hasMark = mark.test(candidate);
      if (hasMark) marked++;
      if (matches(candidate)) expect(hasMark, candidate).toBe(true);
    }
    expect(marked).toBeLessThan(texts.length / 2);
  });
});
