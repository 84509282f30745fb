import { describe, expect, it } from 'vitest';
import { freshness } from './view-freshness.ts';

const map = (entries: [number, number][]) => new Map(entries);

describe('the freshness of a local replica', () => {
  it('is current while it keeps up, even with records in flight', () => {
    const check = freshness({
      positions: map([
        [0, 100],
        [1, 40],
      ]),
      ends: map([
        [0, 103],
        [1, 40],
      ]),
      previousEnds: map([
        [0, 100],
        [1, 40],
      ]),
    });
    expect(check).toEqual({ stale: false, behindBy: 3 });
  });

  it('is stale when it has not reached where the topic was at the previous check, and says by how much', () => {
    const check = freshness({
      positions: map([
        [0, 90],
        [1, 40],
      ]),
      ends: map([
        [0, 130],
        [1, 45],
      ]),
      previousEnds: map([
        [0, 100],
        [1, 40],
      ]),
    });
    expect(check).toMatchObject({ stale: true, behindBy: 45 });
    expect(check.reason).toContain('45 records behind');
  });

  it('counts a partition it never read as behind from its start', () => {
    expect(freshness({ positions: map([]), ends: map([[0, 5]]), previousEnds: map([[0, 5]]) })).toMatchObject({ stale: true, behindBy: 5 });
  });
});
