// Records without an id settle into all-time once no other window can need them:
// the row table and the changelog stay O(keys), not O(records).
import { describe, expect, it } from 'vitest';
import { parseChangelogEntry, type WindowChangelogEntry } from './window-changelog.ts';
import type { ResolvedWindowConfig } from './window-config.ts';
import type { WindowInput } from './window-input.ts';
import { WindowOperator } from './window-operator.ts';
import { DAY, reviewStatsConfig, T0 } from './window-test-fixtures.ts';

const append = (key: string, rating: number, eventTime: number): WindowInput => ({ kind: 'upsert', key, eventTime, value: { rating } });
const allTimeOnly: ResolvedWindowConfig = { ...reviewStatsConfig, windows: [{ name: 'allTime', type: 'all-time' }] };

function restore(config: ResolvedWindowConfig, entries: WindowChangelogEntry[]): WindowOperator {
  const operator = new WindowOperator(config);
  const stored: unknown = JSON.parse(JSON.stringify(entries));
  for (const raw of Array.isArray(stored) ? stored : []) {
    const parsed = parseChangelogEntry(raw);
    if (!parsed.ok) throw new Error(parsed.message);
    operator.applyChangelogEntry(parsed.entry);
  }
  return operator;
}

describe('append-only rows', () => {
  it('keeps no row for all-time only, and writes one settled entry per key instead of one row per record', () => {
    const operator = new WindowOperator(allTimeOnly);
    for (let i = 0; i < 100; i += 1) operator.apply(append(`c${i % 2}`, (i % 10) / 2 + 0.5, T0 - i * DAY), T0);
    expect(operator.stats().rows).toBe(0);
    const entries = operator.drainChangelog();
    expect(entries.map((entry) => entry.kind)).toEqual(['settled', 'settled', 'clock']);
    const restored = restore(allTimeOnly, entries);
    expect(restored.read('c0', T0)).toEqual(operator.read('c0', T0));
    restored.apply(append('c0', 5, T0), T0);
    expect(restored.read('c0', T0)).toMatchObject({ allTime: { count: 51 } });
  });

  it('holds a row while it is inside the sliding window or not yet due, then settles it', () => {
    const operator = new WindowOperator(reviewStatsConfig);
    operator.apply(append('c1', 4, T0 - 89 * DAY), T0);
    operator.apply(append('c1', 2, T0 + 60_000), T0);
    operator.apply(append('c1', 1, T0 - 100 * DAY), T0);
    expect(operator.stats().rows).toBe(2);
    operator.advance(T0 + DAY);
    expect(operator.stats().rows).toBe(1);
    const entries = operator.exportEntries();
    operator.advance(T0 + 91 * DAY);
    expect(operator.stats().rows).toBe(0);
    expect(operator.read('c1', T0 + 91 * DAY)).toMatchObject({ allTime: { count: 3, averageRating: 7 / 3 }, last90Days: { count: 0 } });
    const restored = restore(reviewStatsConfig, entries);
    restored.advance(T0 + 91 * DAY);
    expect(restored.read('c1', T0 + 91 * DAY)).toEqual(operator.read('c1', T0 + 91 * DAY));
  });

  it('writes a tombstone for a settled row that had reached the changelog', () => {
    const operator = new WindowOperator(reviewStatsConfig);
    operator.apply(append('c1', 3, T0), T0);
    expect(operator.drainChangelog()[0]).toMatchObject({ kind: 'row', row: { key: 'c1', appendOnly: true } });
    operator.advance(T0 + 90 * DAY);
    expect(operator.drainChangelog().map((entry) => (entry.kind === 'row' ? entry.row : entry.kind))).toEqual([null, 'settled', 'clock']);
  });
});
