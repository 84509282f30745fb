import { describe, expect, it } from 'vitest';
import { mulberry32, stratifiedSplit } from './split.ts';

const items = Array.from({ length: 100 }, (_, index) => ({ index, spam: index % 10 === 0 }));
const byLabel = (item: { spam: boolean }) => String(item.spam);

describe('stratified split', () => {
  it('gives the same split for the same seed', () => {
    expect(stratifiedSplit(items, byLabel, { holdout: 0.2, seed: 42 })).toEqual(
      stratifiedSplit(items, byLabel, { holdout: 0.2, seed: 42 }),
    );
  });

  it('gives a different split for another seed', () => {
    const a = stratifiedSplit(items, byLabel, { holdout: 0.2, seed: 42 }).test;
    const b = stratifiedSplit(items, byLabel, { holdout: 0.2, seed: 43 }).test;
    expect(a).not.toEqual(b);
  });

  it('holds out the same share of every stratum', () => {
    const { train, test } = stratifiedSplit(items, byLabel, { holdout: 0.2, seed: 7 });
    expect(test.filter((item) => item.spam)).toHaveLength(2);
    expect(test.filter((item) => !item.spam)).toHaveLength(18);
    expect(train).toHaveLength(80);
  });

  it('puts every item on exactly one side', () => {
    const { train, test } = stratifiedSplit(items, byLabel, { holdout: 0.3, seed: 1 });
    expect([...train, ...test].map((item) => item.index).sort((a, b) => a - b)).toEqual(items.map((item) => item.index));
  });

  it('draws numbers in [0, 1) reproducibly', () => {
    const draws = Array.from({ length: 1000 }, mulberry32(42));
    expect(draws.every((draw) => draw >= 0 && draw < 1)).toBe(true);
    expect(draws.slice(0, 3)).toEqual(Array.from({ length: 3 }, mulberry32(42)));
  });
});
