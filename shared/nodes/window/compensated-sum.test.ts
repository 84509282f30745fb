import { describe, expect, it } from 'vitest';
import { CompensatedSum } from './compensated-sum.ts';

describe('CompensatedSum', () => {
  it('adds a million tenths to within one ulp of the exact total, where a naive sum drifts', () => {
    const sum = new CompensatedSum();
    let naive = 0;
    for (let i = 0; i < 1_000_000; i += 1) {
      sum.add(0.1);
      naive += 0.1;
    }
    expect(Math.abs(sum.value - 100_000)).toBeLessThanOrEqual(1e-11);
    expect(Math.abs(naive - 100_000)).toBeGreaterThan(1e-7);
  });

  it('returns to the remaining values after retracting large and small values in any order', () => {
    const sum = new CompensatedSum();
    const values = [1e16, 3.3, -1e16, 0.7, 2.2, 1e-3];
    for (const value of values) sum.add(value);
    sum.retract(1e16);
    sum.retract(-1e16);
    sum.retract(2.2);
    expect(sum.value).toBeCloseTo(3.3 + 0.7 + 1e-3, 12);
  });

  it('is exactly zero after a reset', () => {
    const sum = new CompensatedSum();
    sum.add(0.1);
    sum.add(0.2);
    sum.reset();
    expect(sum.value).toBe(0);
  });
});
