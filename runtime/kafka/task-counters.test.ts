import { describe, expect, it } from 'vitest';
import { MetricsRegistry, RECORDS_IN } from '../../shared/engine/metrics.ts';
import { mergeReports } from '../control/cluster-reports.ts';
import { parseTaskReport, TaskCountersWriter } from './task-counters.ts';

const where = { task: 'p.0.1', version: 3, worker: 'host:1', topic: 'sluice.p.counters', partition: 1 };

describe("a task's counters record", () => {
  it('is written when the counters changed, and not again until they change', () => {
    const registry = new MetricsRegistry();
    const writer = new TaskCountersWriter(registry, where);
    registry.counter(RECORDS_IN, { node: 'reviews', stage: 'source' }).inc(5);
    const first = writer.next(1000);
    expect(first).toMatchObject({ topic: 'sluice.p.counters', partition: 1, key: 'p.0.1' });
    expect(writer.next(2000)).toBeUndefined();
    registry.counter(RECORDS_IN, { node: 'reviews', stage: 'source' }).inc();
    const report = parseTaskReport(writer.next(3000)?.value ?? '');
    expect(report).toMatchObject({ task: 'p.0.1', version: 3, worker: 'host:1', at: 3000 });
    expect(report?.counters).toEqual([[RECORDS_IN, { node: 'reviews', stage: 'source' }, 6]]);
  });

  it('is taken back by the next owner of the task, which counts on from it', () => {
    const before = new MetricsRegistry();
    before.counter(RECORDS_IN, { node: 'reviews', stage: 'source' }).inc(41);
    const committed = new TaskCountersWriter(before, where).next(1000)?.value ?? null;
    const after = new MetricsRegistry();
    const writer = new TaskCountersWriter(after, { ...where, worker: 'other:2' });
    writer.restore(committed);
    expect(writer.next(2000)).toBeUndefined(); // nothing new counted yet
    after.counter(RECORDS_IN, { node: 'reviews', stage: 'source' }).inc();
    expect(parseTaskReport(writer.next(3000)?.value ?? '')?.counters[0]?.[2]).toBe(42);
  });

  it('of another version is not taken back: a new version counts from zero', () => {
    const before = new MetricsRegistry();
    before.counter(RECORDS_IN, { node: 'reviews', stage: 'source' }).inc(41);
    const committed = new TaskCountersWriter(before, { ...where, version: 2 }).next(1000)?.value ?? null;
    const after = new MetricsRegistry();
    new TaskCountersWriter(after, where).restore(committed);
    expect(after.snapshot().counters).toEqual([]);
  });

  it('adds up with the other tasks’ records into one snapshot', () => {
    const report = (task: string, value: number) =>
      parseTaskReport(
        JSON.stringify({
          task,
          version: 1,
          worker: 'w',
          at: 0,
          counters: [[RECORDS_IN, { node: 'n', stage: 's' }, value]],
          gauges: [],
          histograms: [],
        }),
      );
    const merged = mergeReports(
      [report('a', 2), report('b', 3)].flatMap((r) => (r ? [r] : [])),
      0,
    );
    expect(merged.counters.map((counter) => counter.total)).toEqual([5]);
  });
});
