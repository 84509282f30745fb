import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines } from './line-diff.ts';

describe('line diff', () => {
  it('marks added and removed lines around the common ones', () => {
    expect(diffLines('a\nb\nc', 'a\nx\nc')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'added', text: 'x' },
      { kind: 'removed', text: 'b' },
      { kind: 'same', text: 'c' },
    ]);
  });

  it('rebuilds both texts from the diff, for any texts', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c', '{', '}'), { maxLength: 12 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const diff = diffLines(before, after);
        expect(
          diff
            .filter((l) => l.kind !== 'added')
            .map((l) => l.text)
            .join('\n'),
        ).toBe(before);
        expect(
          diff
            .filter((l) => l.kind !== 'removed')
            .map((l) => l.text)
            .join('\n'),
        ).toBe(after);
      }),
    );
  });
});
