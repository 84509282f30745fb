import { describe, expect, it } from 'vitest';
import { decideDuplicate, duplicateTextKey } from './duplicate-text.ts';

const options = { minLength: 20 };

describe('duplicate text', () => {
  it('gives the same key to copies that differ in case, accents, spacing and punctuation', () => {
    const key = duplicateTextKey('Great course, learned a LOT!', options);
    expect(key).toMatch(/^[0-9a-f]{28}$/);
    expect(duplicateTextKey('  great   cóurse learned a lot ', options)).toBe(key);
  });

  it('gives different texts different keys', () => {
    expect(duplicateTextKey('Great course, learned a lot', options)).not.toBe(duplicateTextKey('Great course, learned a little', options));
  });

  it('ignores texts shorter than minLength', () => {
    expect(duplicateTextKey('Great course!', options)).toBeUndefined();
  });

  it('remembers the first review to post a text', () => {
    expect(decideDuplicate('r1', undefined)).toEqual({ kind: 'first', store: { firstId: 'r1' } });
  });

  it('flags another review posting a stored text', () => {
    expect(decideDuplicate('r2', { firstId: 'r1' })).toEqual({
      kind: 'duplicate',
      firstId: 'r1',
      reason: { rule: 'duplicateText', detail: 'same text as review r1' },
    });
  });

  it('does not flag the same review posting its text again (an edit or a replay)', () => {
    expect(decideDuplicate('r1', { firstId: 'r1' })).toEqual({ kind: 'same-review' });
  });
});
