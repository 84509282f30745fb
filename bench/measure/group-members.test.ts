import { describe, expect, it } from 'vitest';
import { membersGone } from './group-members.ts';

describe('a killed member leaving its group', () => {
  it('is gone only when none of the old members is in the group any more', () => {
    const old = new Set(['m-1']);
    expect(membersGone(old, new Set(['m-1']))).toBe(false);
    expect(membersGone(old, new Set(['m-1', 'm-2']))).toBe(false);
    expect(membersGone(old, new Set(['m-2']))).toBe(true);
    expect(membersGone(old, new Set())).toBe(true);
  });
});
