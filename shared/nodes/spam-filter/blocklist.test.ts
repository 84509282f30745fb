import { describe, expect, it } from 'vitest';
import { hamTexts } from '../../../runtime/spam/testing/corpus-fixtures.ts';
import { blocklistRule, findBlockedTerms } from './blocklist.ts';

describe('blocklist rule', () => {
  const terms = ['viagra', 'free money', 'crypto'];

  it('matches terms ignoring case', () => {
    expect(findBlockedTerms('Get VIAGRA now', terms)).toEqual(['viagra']);
  });

  it('matches look-alike letters and accents after folding', () => {
    expect(findBlockedTerms('ｖｉａｇｒａ and vïágrà and 𝐜𝐫𝐲𝐩𝐭𝐨', terms)).toEqual(['viagra', 'crypto']);
  });

  it('matches a phrase across any spacing', () => {
    expect(findBlockedTerms('FREE \n  Money inside', terms)).toEqual(['free money']);
  });

  it('matches whole words only', () => {
    expect(findBlockedTerms('cryptography and freedom of money', terms)).toEqual([]);
  });

  it('treats terms as text, not as patterns', () => {
    expect(findBlockedTerms('a+b', ['a+b'])).toEqual(['a+b']);
    expect(findBlockedTerms('aab', ['a+b'])).toEqual([]);
  });

  it('flags a text with a blocked term and names the term as configured', () => {
    expect(blocklistRule('Earn Crypto fast', { terms: ['Crypto'] })).toEqual([
      { rule: 'blocklist', detail: 'contains the blocked term "Crypto"', terms: ['Crypto'] },
    ]);
    expect(blocklistRule('free money and crypto', { terms })[0]?.detail).toBe('contains the blocked terms "free money" and "crypto"');
  });

  it('flags nothing with an empty list', () => {
    expect(blocklistRule('viagra', { terms: [] })).toEqual([]);
  });

  it('leaves real honest messages without the terms alone', async () => {
    const texts = await hamTexts('youtube');
    const flagged = texts.filter((text) => blocklistRule(text, { terms: ['viagra', 'casino', 'bitcoin'] }).length > 0);
    expect(flagged).toEqual([]);
  });
});
