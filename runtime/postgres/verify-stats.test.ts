import { describe, expect, it } from 'vitest';
import { compareStats } from './verify-stats.ts';

const course = (courseId: string, count: number, avg: number | null, count90 = 0, avg90: number | null = null) => ({
  courseId,
  allTime: { count, averageRating: avg },
  last90Days: { count: count90, averageRating: avg90 },
});

describe('compareStats', () => {
  it('finds no difference when the figures agree to 1e-9', () => {
    expect(compareStats('t', [course('a', 3, 4 + 1e-12, 1, 5)], [course('a', 3, 4, 1, 5)])).toEqual([]);
  });

  it('reports a count, an average and a 90-day figure that differ', () => {
    const differences = compareStats(
      't',
      [course('a', 3, 4), course('b', 2, 3.5), course('c', 1, 5, 1, 5)],
      [course('a', 4, 4), course('b', 2, 3.6), course('c', 1, 5, 0, null)],
    );
    expect(differences.map((d) => d.courseId)).toEqual(['a', 'b', 'c']);
  });

  it('treats a course missing from the stream as all zeros, and reports one the batch has', () => {
    expect(compareStats('t', [], [course('gone', 0, null)])).toEqual([]);
    expect(compareStats('t', [], [course('x', 1, 2)])).toHaveLength(1);
    expect(compareStats('t', [course('y', 1, 2)], [])).toHaveLength(1);
  });
});
