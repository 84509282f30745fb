import { describe, expect, it } from 'vitest';
import { titleOf } from './traffic.ts';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const hasLoneSurrogate = (text: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe('titles of generated reviews', () => {
  it('cut a text between code points, so an emoji at the cut is kept whole or left out, never halved', () => {
    const text = `${'a'.repeat(59)}😀 and more`;
    const title = titleOf(text);
    expect(title).toBe(`${'a'.repeat(59)}😀`);
    expect(hasLoneSurrogate(title)).toBe(false);
    expect(hasLoneSurrogate(text.slice(0, 60))).toBe(true); // what slicing UTF-16 units did
  });
});
