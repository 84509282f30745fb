import { describe, expect, it } from 'vitest';
import { readProjectCorpora } from '../../../runtime/spam/corpus-files.ts';
import { flaggedShare, hamTexts } from '../../../runtime/spam/testing/corpus-fixtures.ts';
import { capitalsRatio, longestRepeat, shoutingRule } from './shouting.ts';
import { DEFAULT_TEXT_RULES } from './training.ts';

const defaults = { maxCapsRatio: 0.7, minLetters: 12, maxRepeatedChars: 6 };

describe('shouting rule', () => {
  it('flags text in capitals', () => {
    expect(shoutingRule('THIS COURSE IS A SCAM, AVOID IT', defaults)).toEqual([
      { rule: 'shouting', detail: '100% of its letters are capitals (at most 70% allowed)', capitalsPercent: 100 },
    ]);
  });

  it('does not judge short texts by their capitals', () => {
    expect(shoutingRule('WOW, NICE', defaults)).toEqual([]);
  });

  it('counts only letters that have a case', () => {
    expect(capitalsRatio('ABC abc 123 日本 😀')).toEqual({ ratio: 0.5, letters: 6 });
  });

  it('flags a character repeated more than allowed', () => {
    expect(shoutingRule('buy now!!!!!!!', defaults)).toEqual([
      { rule: 'shouting', detail: "repeats '!' 7 times in a row (at most 6 allowed)", repeated: { char: '!', times: 7 } },
    ]);
    expect(shoutingRule('this is sooooooo good', defaults)).toHaveLength(1);
  });

  it('allows runs up to the limit and ignores digits, spaces and trailing dots', () => {
    expect(longestRepeat('ok!!!!!! 1000000 ........   x').length).toBe(6);
    expect(shoutingRule('ok!!!!!! 1000000 ........ fine', defaults)).toEqual([]);
  });

  it('counts an emoji as one character', () => {
    expect(longestRepeat('😀😀😀')).toEqual({ char: '😀', length: 3 });
  });

  it('is off by default: it flags honest review sentences that shout', async () => {
    const sentences = (await readProjectCorpora('reviewSentences')).map((example) => example.text);
    const shouting = sentences.filter((text) => shoutingRule(text, defaults).length > 0);
    // Measured 11 of 2,000 ("TOTAL WASTE OF TIME.", "This place is great!!!!!!!!!!!!!!"): 0.55% from one rule alone.
    expect(shouting).toContain('TOTAL WASTE OF TIME.');
    expect(shouting.length).toBeGreaterThan(5);
    expect(DEFAULT_TEXT_RULES.shouting.enabled).toBe(false);
  });

  it('leaves most real honest messages alone', async () => {
    const share = flaggedShare(await hamTexts('sms'), (text) => shoutingRule(text, defaults).length > 0);
    // Measured 2.3%: SMS users do write in capitals; 4% would mean a regression.
    expect(share).toBeLessThan(0.04);
  });
});
