import { describe, expect, it } from 'vitest';
import { ValueMultiset } from './value-multiset.ts';

describe('ValueMultiset', () => {
  it('keeps min and max right while duplicates and extremes are retracted', () => {
    const set = new ValueMultiset();
    for (const value of [3, 1, 5, 1, 5, 2]) set.add(value);
    expect([set.min, set.max]).toEqual([1, 5]);
    set.retract(1);
    expect(set.min).toBe(1);
    set.retract(1);
    expect(set.min).toBe(2);
    set.retract(5);
    set.retract(5);
    expect(set.max).toBe(3);
  });

  it('is empty after everything is retracted, and ignores values it never held', () => {
    const set = new ValueMultiset();
    set.add(4);
    set.retract(7);
    expect(set.max).toBe(4);
    set.retract(4);
    expect([set.min, set.max]).toEqual([undefined, undefined]);
  });

  it('clones independently', () => {
    const set = new ValueMultiset();
    set.add(1);
    const copy = set.clone();
    copy.add(0);
    expect([set.min, copy.min]).toEqual([1, 0]);
  });
});
