import { describe, expect, it } from 'vitest';
import { MetricsRegistry, type MetricsSnapshot, RECORDS_IN } from './metrics.ts';

const rates = (snapshot: MetricsSnapshot) => snapshot.counters.find((counter) => counter.name === RECORDS_IN)?.rates;

describe('the metrics registry', () => {
  it('computes per-second rates over 1 s, 1 min and 5 min from one-second samples', () => {
    const registry = new MetricsRegistry();
    const counter = registry.counter(RECORDS_IN, { node: 'a', stage: 'x' });
    registry.tick(0);
    // 10 records per second for 4 minutes, then 100 per second for 1 minute.
    for (let second = 1; second <= 300; second++) {
      counter.inc(second <= 240 ? 10 : 100);
      registry.tick(second * 1000);
    }
    expect(rates(registry.snapshot())).toEqual({ '1s': 100, '1m': 100, '5m': (240 * 10 + 60 * 100) / 300 });
    counter.inc(30);
    registry.tick(301_000);
    expect(rates(registry.snapshot())?.['1s']).toBe(30);
  });

  it('uses what it has while the five-minute buffer fills, and counts silent seconds as zero', () => {
    const registry = new MetricsRegistry();
    const counter = registry.counter(RECORDS_IN, { node: 'a', stage: 'x' });
    registry.tick(500);
    counter.inc(20);
    registry.tick(2500); // two seconds passed at once: two samples
    expect(rates(registry.snapshot())).toEqual({ '1s': 0, '1m': 10, '5m': 10 });
  });

  it('tells subscribers once per second of the clock, not per tick', () => {
    const registry = new MetricsRegistry();
    registry.counter(RECORDS_IN, { node: 'a', stage: 'x' }).inc();
    const seen: number[] = [];
    const unsubscribe = registry.subscribe((snapshot) => seen.push(snapshot.at));
    registry.tick(0);
    registry.tick(400);
    registry.tick(1000);
    registry.tick(1700);
    registry.tick(2100);
    unsubscribe();
    registry.tick(3000);
    expect(seen).toEqual([1000, 2100]);
  });

  it('hands out one series per name and labels, whatever the label order', () => {
    const registry = new MetricsRegistry();
    registry.counter(RECORDS_IN, { node: 'a', stage: 'x' }).inc(2);
    registry.counter(RECORDS_IN, { stage: 'x', node: 'a' }).inc(3);
    expect(registry.snapshot().counters).toHaveLength(1);
    expect(registry.snapshot().counters[0]?.total).toBe(5);
  });
});
