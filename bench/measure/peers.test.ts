import { describe, expect, it } from 'vitest';
import { parsePeerResults, peerFigures } from './peers.ts';

const file = '/somewhere/results/2026-12-01T09-34-39.json';
const results = JSON.stringify({
  meta: { n: '200000' },
  summary: {
    tuned: { runs: 2, recordsPerSecond: { median: 12000, min: 9000, max: 15000 } },
    seed: { runs: 2, recordsPerSecond: { median: 2000, min: 1900, max: 2100 } },
    sluice: { runs: 2, recordsPerSecond: { median: 3000, min: 2500, max: 3500 } },
    broken: { runs: 1 },
  },
});

describe("the peers' figures from a results file", () => {
  it('reads each system with a records/s figure, and skips those without', () => {
    const peers = parsePeerResults(results, file);
    expect(Object.keys(peers.systems)).toEqual(['tuned', 'seed', 'sluice']);
    expect(peers.reviews).toBe(200_000);
    expect(peers.date).toBe('2026-12-01T09-34-39');
  });

  it('refuses a file that is not the harness', () => {
    expect(() => parsePeerResults('{"figures":[]}', file)).toThrow(/no summary/);
    expect(() => parsePeerResults('{"summary":{"seed":{"recordsPerSecond":{"median":1}}}}', file)).toThrow(/no 'tuned'/);
  });

  it("puts this run's Sluice beside them as shares of the tuned processor and of the seed", () => {
    const figures = peerFigures(parsePeerResults(results, file), [{ label: 'review-stats, 1 worker', recordsPerSecond: [6000, 3000] }]);
    const byName = new Map(figures.map((figure) => [figure.name, figure]));
    expect(byName.get('  Sluice / tuned processor, both in the peers run')?.median).toBe(0.25);
    expect(byName.get("  Sluice / seed's topology, both in the peers run")?.median).toBe(1.5);
    expect(byName.get('  review-stats, 1 worker / tuned processor')).toMatchObject({ median: 0.375, min: 0.25, max: 0.5 });
    expect(byName.get("  review-stats, 1 worker / seed's topology")?.max).toBe(3);
  });
});
