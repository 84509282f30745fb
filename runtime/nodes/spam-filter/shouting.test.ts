import { describe, expect, it } from 'vitest';
import { flaggedShare, hamTexts } from './corpus-fixtures.ts';
import { capitalsRatio, longestRepeat, shoutingRule } from './shouting.ts';

const defaults = { maxCapsRatio: 0.7, minLetters: 12, maxRepeatedChars: 6 };

describe('shouting rule', () => {
  it('flags text in capitals', () => {
    expect(shoutingRule('THIS COURSE IS A SCAM, AVOID IT', defaults)).toEqual([{ rule: 'shouting', detail: '100% capitals (max 70%)' }]);
  });

  it('does not judge short texts by their capitals', () => {
    expect(shoutingRule('WOW, NICE', defaults)).toEqual([]);
  });

  it('counts only letters that have a case', () => {
    expect(capitalsRatio('ABC abc 123 日本 😀')).toEqual({ ratio: 0.5, letters: 6 });
  });

  it('flags a character repeated more than allowed', () => {
    expect(shoutingRule('buy now!!!!!!!', defaults)).toEqual([{ rule: 'shouting', detail: "'!' 7 times in a row (max 6)" }]);
    expect(shoutingRule('this is sooooooo good', defaults)).toHaveLength(1);
  });

  it('allows runs up to the limit and ignores digits, spaces and trailing dots', () => {
    expect(longestRepeat('ok!!!!!! 1000000 ........   x').length).toBe(6);
    expect(shoutingRule('ok!!!!!! 1000000 ........ fine', defaults)).toEqual([]);
  });

  it('counts an emoji as one character', () => {
    expect(longestRepeat('😀😀😀')).toEqual({ char: '😀', length: 3 });
  });

  it('leaves most real honest messages alone', async () => {
    const share = flaggedShare(await hamTexts('sms'), (text) => shoutingRule(text, defaults).length > 0);
    // Measured 2.3%: SMS users do write in capitals; 4% would mean a regression.
    expect(share).toBeLessThan(0.04);
  });
});
