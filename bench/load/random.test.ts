import { describe, expect, it } from 'vitest';
import { seededRandom, weighted, zipf } from './random.ts';

describe('seeded randomness', () => {
  it('repeats exactly for the same seed and differs for another', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(Array.from({ length: 5 }, c)).not.toEqual(first);
    for (const value of first) expect(value >= 0 && value < 1).toBe(true);
  });

  it('makes Zipf ranks where rank 0 is drawn far more often than the tail', () => {
    const draw = zipf(1000, 1.1, seededRandom(1));
    const counts = new Map<number, number>();
    for (let i = 0; i < 50_000; i++) {
      const rank = draw();
      counts.set(rank, (counts.get(rank) ?? 0) + 1);
    }
    const top = counts.get(0) ?? 0;
    const tenth = counts.get(9) ?? 0;
    // P(0)/P(9) = 10^1.1 ≈ 12.6 in theory.
    expect(top / tenth).toBeGreaterThan(8);
    expect(top / tenth).toBeLessThan(18);
    expect(Math.max(...counts.keys())).toBeLessThan(1000);
  });

  it('draws weighted choices in proportion to their weights', () => {
    const draw = weighted(
      [
        ['a', 3],
        ['b', 1],
      ] as const,
      seededRandom(7),
    );
    let a = 0;
    for (let i = 0; i < 20_000; i++) if (draw() === 'a') a++;
    expect(a / 20_000).toBeGreaterThan(0.72);
    expect(a / 20_000).toBeLessThan(0.78);
  });
});
