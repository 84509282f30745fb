import { describe, expect, it } from 'vitest';
import type { WindowBatch } from './window-batch.ts';
import { compareFigures, type Figures, figuresOfRecord } from './window-verify.ts';

const batch = {
  figures: [
    { window: 'allTime', aggregate: 'count', fn: 'count', column: 'w0_a0' },
    { window: 'allTime', aggregate: 'averageRating', fn: 'avg', column: 'w0_a1' },
    { window: 'last90Days', aggregate: 'count', fn: 'count', column: 'w1_a0' },
  ],
} as WindowBatch;
const figures = (entries: [string, number, number | null, number][]): Figures =>
  new Map(entries.map(([key, count, avg, count90]) => [key, { w0_a0: count, w0_a1: avg, w1_a0: count90 }]));

describe("comparing a window's output with its batch", () => {
  it('finds no difference when the figures agree to 1e-9', () => {
    expect(compareFigures('t', batch, figures([['a', 3, 4 + 1e-12, 1]]), figures([['a', 3, 4, 1]]))).toEqual([]);
  });

  it('names each key whose figures differ, with the stream and batch value of each', () => {
    const found = compareFigures(
      'table x',
      batch,
      figures([
        ['a', 3, 4, 0],
        ['b', 2, 3.5, 0],
        ['c', 1, 5, 1],
      ]),
      figures([
        ['a', 4, 4, 0],
        ['b', 2, 3.6, 0],
        ['c', 1, 5, 0],
      ]),
    );
    expect(found).toEqual([
      { key: 'a', where: 'table x', figures: { 'allTime.count': [3, 4] } },
      { key: 'b', where: 'table x', figures: { 'allTime.averageRating': [3.5, 3.6] } },
      { key: 'c', where: 'table x', figures: { 'last90Days.count': [1, 0] } },
    ]);
  });

  it('treats a key missing from the stream as having no figures, and reports one the batch has', () => {
    expect(compareFigures('t', batch, new Map(), figures([['gone', 0, null, 0]]))).toEqual([]);
    expect(compareFigures('t', batch, new Map(), figures([['x', 1, 2, 0]]))).toHaveLength(1);
    expect(compareFigures('t', batch, figures([['y', 1, 2, 0]]), new Map())).toHaveLength(1);
  });

  it("reads a window's output record into figures", () => {
    expect(figuresOfRecord({ courseId: 'c', allTime: { count: 2, averageRating: 4.5 }, last90Days: { count: 1 } }, batch)).toEqual({
      w0_a0: 2,
      w0_a1: 4.5,
      w1_a0: 1,
    });
  });
});
