import { describe, expect, it } from 'vitest';
import { Accumulator } from './accumulator.ts';
import { HeldRows } from './held-rows.ts';
import type { Row } from './row.ts';
import { trackFields } from './tracked-fields.ts';

const tracked = trackFields([
  { name: 'n', fn: 'count' },
  { name: 'sx', fn: 'sum', field: 'x' },
  { name: 'ay', fn: 'avg', field: 'y' },
]);
const row = (id: string, t: number, values: (number | null)[]): Row => ({ id, key: 'k', t, values });

describe('HeldRows', () => {
  it('keeps rows in (time, id) order and finds each by its time and id', () => {
    const rows = new HeldRows(2);
    for (const each of [row('b', 2, [1, 2]), row('a', 2, [3, 4]), row('z', 1, [5, 6]), row('c', 3, [7, 8])]) {
      rows.insert(rows.lowerBound(each.t, each.id), each);
    }
    expect([0, 1, 2, 3].map((index) => rows.timeAt(index))).toEqual([1, 2, 2, 3]);
    expect(rows.lowerBound(2, 'b')).toBe(2);
    expect(rows.holds(2, row('b', 2, []))).toBe(true);
    expect(rows.holds(1, row('b', 2, []))).toBe(false);
    rows.remove(1);
    rows.dropFront(1);
    expect(rows.length).toBe(2);
    expect(rows.holds(0, row('b', 2, []))).toBe(true);
    expect(rows.timeAt(2)).toBeUndefined();
  });

  it('adds and retracts a held row exactly as its values would, NULLs ignored', () => {
    const rows = new HeldRows(2);
    const held = [row('a', 1, [0.1, null]), row('b', 2, [null, -3.5]), row('c', 3, [1e16, 0.2])];
    for (const each of held) rows.insert(rows.lowerBound(each.t, each.id), each);
    const fromColumns = new Accumulator(tracked);
    const fromValues = new Accumulator(tracked);
    held.forEach((each, index) => {
      rows.addTo(fromColumns, index);
      fromValues.add(each.values);
    });
    rows.retractFrom(fromColumns, 0);
    fromValues.retract(held[0]?.values ?? []);
    expect(fromColumns.snapshot()).toEqual(fromValues.snapshot());
    expect(fromColumns.results([{ name: 'n', fn: 'count' }])).toEqual({ n: 2 });
  });
});
