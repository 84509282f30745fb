import { describe, expect, it } from 'vitest';
import { summarise } from './figures.ts';

describe('summarise', () => {
  it('gives the median, min and max of the runs', () => {
    expect(summarise('x', 'r/s', [5, 1, 3])).toEqual({ name: 'x', unit: 'r/s', median: 3, min: 1, max: 5, runs: 3 });
    expect(summarise('x', 'r/s', [4, 2]).median).toBe(3);
  });

  it('carries a note when there is one', () => {
    expect(summarise('x', 'ms', [1], 'not sustained').note).toBe('not sustained');
  });
});
