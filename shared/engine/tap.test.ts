import { describe, expect, it } from 'vitest';
import { Taps } from './tap.ts';

const emit = (taps: Taps, node: string, port: string, n: number, value: unknown = { n }) =>
  taps.observer.emitted?.({
    node,
    stage: node,
    port,
    record: { key: `k${n}`, value: value as Record<string, unknown>, timestamp: n, headers: {} },
  });

describe('taps', () => {
  it('keep the last records per node and port, newest last', () => {
    const taps = new Taps(3);
    for (let n = 1; n <= 5; n++) emit(taps, 'filter', 'out', n);
    emit(taps, 'filter', 'other', 9);
    expect(taps.last('filter', 'out').map((r) => r.key)).toEqual(['k3', 'k4', 'k5']);
    expect(taps.last('filter', 'out', 1).map((r) => r.key)).toEqual(['k5']);
    expect(taps.last('filter', 'other').map((r) => r.key)).toEqual(['k9']);
    expect(taps.last('nope', 'out')).toEqual([]);
  });

  it('cap large values', () => {
    const taps = new Taps();
    emit(taps, 'map', 'out', 1, { text: 'x'.repeat(10_000) });
    const [record] = taps.last('map', 'out');
    expect(JSON.stringify(record?.value).length).toBeLessThan(5000);
  });

  it('sample under heavy traffic', () => {
    const taps = new Taps(1000, 10);
    for (let n = 1; n <= 100; n++) emit(taps, 'm', 'out', n);
    const kept = taps.last('m', 'out', 1000).length;
    expect(kept).toBeLessThan(60);
    expect(kept).toBeGreaterThanOrEqual(10);
  });
});
