import { describe, expect, it } from 'vitest';
import { percentile, summariseLatencies } from './percentiles.ts';

describe('percentile', () => {
  it('takes the nearest rank: an observed value, never an interpolation', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([7, 3], 50)).toBe(3);
    expect(percentile([7, 3], 51)).toBe(7);
  });

  it('gives the only value for one sample and NaN for none', () => {
    expect(percentile([42], 1)).toBe(42);
    expect(percentile([42], 99)).toBe(42);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('summariseLatencies', () => {
  it('gives count, p50, p95, p99 and max', () => {
    const values = Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(summariseLatencies(values)).toEqual({ count: 1000, p50: 500, p95: 950, p99: 990, max: 1000 });
  });
});
