import { describe, expect, it } from 'vitest';
import { Accumulator } from './accumulator.ts';
import { extractValues, trackFields } from './tracked-fields.ts';
import type { AggregateDeclaration } from './window-config.ts';

const aggregates: AggregateDeclaration[] = [
  { name: 'n', fn: 'count' },
  { name: 'total', fn: 'sum', field: 'x' },
  { name: 'mean', fn: 'avg', field: 'x' },
  { name: 'low', fn: 'min', field: 'x' },
  { name: 'high', fn: 'max', field: 'y' },
];
const tracked = trackFields(aggregates);
const vector = (value: Record<string, unknown>) => extractValues(tracked, value);

describe('Accumulator', () => {
  it('computes count, sum, avg, min and max, ignoring NULLs as SQL does', () => {
    const accumulator = new Accumulator(tracked);
    accumulator.add(vector({ x: 2, y: 10 }));
    accumulator.add(vector({ x: 4.5, y: 'not a number' }));
    accumulator.add(vector({ x: null, y: '7' }));
    expect(accumulator.results(aggregates)).toEqual({ n: 3, total: 6.5, mean: 3.25, low: 2, high: 10 });
  });

  it('undoes an add exactly by retracting the same vector', () => {
    const accumulator = new Accumulator(tracked);
    accumulator.add(vector({ x: 1, y: 1 }));
    accumulator.add(vector({ x: 9, y: 9 }));
    accumulator.retract(vector({ x: 9, y: 9 }));
    expect(accumulator.results(aggregates)).toEqual({ n: 1, total: 1, mean: 1, low: 1, high: 1 });
  });

  it('answers null for avg/min/max and 0 for sum over no values', () => {
    const accumulator = new Accumulator(tracked);
    accumulator.add(vector({}));
    expect(accumulator.results(aggregates)).toEqual({ n: 1, total: 0, mean: null, low: null, high: null });
  });

  it('keeps only the fields the aggregates read, with a multiset only where min/max need one', () => {
    expect(tracked).toEqual({ names: ['x', 'y'], needsOrder: [true, true], fieldOf: [-1, 0, 0, 0, 1] });
    expect(trackFields([{ name: 'a', fn: 'avg', field: 'rating' }]).needsOrder).toEqual([false]);
  });
});
