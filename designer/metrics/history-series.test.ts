import { describe, expect, it } from 'vitest';
import { historyColumns, markerLabel } from './history-series.ts';

const point = (at: number, rate: number) => ({ at, version: 1, nodes: { reviews: { in: rate, out: rate, lag: 3 } } });

describe("a node's history as the chart draws it", () => {
  it('gives the times in seconds and the rates and lag of that node', () => {
    const columns = historyColumns(
      { pipelineId: 'p', intervalSeconds: 10, points: [point(10_000, 1), point(20_000, 2)], events: [] },
      'reviews',
    );
    expect(columns).toEqual([
      [10, 20],
      [1, 2],
      [1, 2],
      [3, 3],
    ]);
  });

  it('breaks the line where the runtime kept no point (it was down), instead of drawing across the gap', () => {
    const columns = historyColumns(
      { pipelineId: 'p', intervalSeconds: 10, points: [point(10_000, 1), point(600_000, 2)], events: [] },
      'reviews',
    );
    expect(columns[1]).toEqual([1, null, 2]);
  });

  it('labels a deploy with its version', () => {
    expect(markerLabel({ at: '2026-01-01T00:00:00Z', kind: 'deployed', version: 3 })).toBe('v3 deployed');
    expect(markerLabel({ at: '2026-01-01T00:00:00Z', kind: 'stopped', version: 3 })).toBe('stopped');
  });
});
