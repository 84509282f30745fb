import { describe, expect, it } from 'vitest';
import { partitionLag } from './source-lag.ts';

describe("a source partition's lag", () => {
  it('is the last stable offset minus the committed offset', () => {
    expect(partitionLag(120, 0, 100, 'earliest')).toBe(20);
    expect(partitionLag(100, 0, 100, 'latest')).toBe(0);
  });

  it('without a committed offset is everything from the start (earliest) or nothing (latest)', () => {
    expect(partitionLag(120, 20, -1, 'earliest')).toBe(100);
    expect(partitionLag(120, 20, -1, 'latest')).toBe(0);
  });
});
