import { describe, expect, it } from 'vitest';
import { summarise } from './figures.ts';
import { targetRows, targetsTable } from './targets.ts';

describe('issue 15 targets', () => {
  it('says met for a figure inside its bound and not met outside, with the run spread', () => {
    const rows = targetRows([
      summarise('end-to-end latency at 100 reviews/s, p50', 'ms', [12, 15, 19]),
      summarise('end-to-end latency at 1,000 reviews/s, p99', 'ms', [900, 982, 1100]),
    ]);
    const p50 = rows.find((row) => row.target === 'p50 at 100 reviews/s');
    const p99 = rows.find((row) => row.target === 'p99 at 1,000 reviews/s');
    expect(p50).toMatchObject({ met: true, asked: '≤ 20 ms', today: '15 ms (12–19)', limit: 'met' });
    expect(p99).toMatchObject({ met: false, today: '982 ms (900–1,100)' });
    expect(p99?.limit).toContain('transactional stages');
  });

  it('finds figures whose names carry the run size, and a lower bound as at least', () => {
    const rows = targetRows([
      summarise('worker RSS holding 1,000,000 reviews (after restore)', 'MB', [428]),
      summarise('  2 pinned workers / 1 pinned worker', '×', [1.9]),
    ]);
    expect(rows.find((row) => row.target.startsWith('worker RSS'))).toMatchObject({ met: false, today: '428 MB (428–428)' });
    expect(rows.find((row) => row.target.startsWith('2 workers'))).toMatchObject({ met: true });
  });

  it('says a target without its figure was not measured, never met', () => {
    const rows = targetRows([]);
    expect(rows.every((row) => row.met === undefined && row.today === 'not measured in this run')).toBe(true);
    expect(targetsTable([]).length).toBe(rows.length + 2);
  });

  it('writes the limit with this run’s own figures', () => {
    const rows = targetRows([
      summarise('  review-stats, 1 worker (this bench) / tuned processor', '×', [0.21]),
      summarise('review-stats, 1 worker: its CPU during the run', '% of a core', [110]),
      summarise("  the filter's own CPU per record, classifier on", 'µs', [141]),
    ]);
    const limit = rows.find((row) => row.target === 'review-stats, 1 worker / tuned Kafka Streams')?.limit;
    expect(limit).toContain('110 % of a core');
    expect(limit).toContain('spam filter 141 µs');
  });

  it('splits the RSS limit into the anonymous and the mapped-file part of this run', () => {
    const rows = targetRows([
      summarise('worker RSS holding 1,000,000 reviews (after restore)', 'MB', [310]),
      summarise('  of which anonymous (heap, buffers)', 'MB', [240]),
      summarise('  of which mapped file pages (LMDB as far as read, code)', 'MB', [70]),
    ]);
    const limit = rows.find((row) => row.target.startsWith('worker RSS'))?.limit;
    expect(limit).toContain('240 MB anonymous');
    expect(limit).toContain('70 MB of mapped file pages');
  });
});
