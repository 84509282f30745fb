import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WeightTable } from './weight-table.ts';

describe('the weight table', () => {
  it('finds every kept bucket with its weight and no other, however they collide', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 20 - 1 }), { maxLength: 300 }),
        fc.array(fc.integer({ min: 0, max: 2 ** 20 - 1 }), { maxLength: 100 }),
        (buckets, others) => {
          const weights = new Map(buckets.map((bucket, index) => [bucket, (index + 1) * 1e-4]));
          const table = new WeightTable([...weights]);
          for (const [bucket, weight] of weights) expect(table.get(bucket)).toBe(weight);
          for (const other of others) expect(table.get(other)).toBe(weights.get(other));
        },
      ),
    );
  });

  it('keeps the last weight given for a bucket, as a Map would', () => {
    expect(
      new WeightTable([
        [5, 0.1],
        [5, 0.2],
      ]).get(5),
    ).toBe(0.2);
  });

  it('counts a bucket once per text, and again in the next text', () => {
    const table = new WeightTable([
      [1, 0.5],
      [2, -0.25],
    ]);
    table.startText();
    expect([table.countOnce(1), table.countOnce(2), table.countOnce(1), table.countOnce(3)]).toEqual([0.5, -0.25, 0, 0]);
    table.startText();
    expect(table.countOnce(1)).toBe(0.5);
    const slot = table.keptSlot(2);
    expect([table.countSlotOnce(slot), table.countSlotOnce(slot), table.keptSlot(3)]).toEqual([-0.25, 0, -1]);
  });
});
