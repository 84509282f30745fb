// State export and restore: entries are small, compact by key, survive JSON and
// rebuild a state that reads the same and sets the same timers.
import { describe, expect, it } from 'vitest';
import { changelogKey, parseChangelogEntry, type WindowChangelogEntry } from './window-changelog.ts';
import { WindowOperator } from './window-operator.ts';
import { DAY, remove, review, reviewStatsConfig, T0 } from './window-test-fixtures.ts';

function restore(entries: WindowChangelogEntry[]): WindowOperator {
  const operator = new WindowOperator(reviewStatsConfig);
  // Through JSON, as the changelog topic carries them.
  const stored: unknown = JSON.parse(JSON.stringify(entries));
  for (const raw of Array.isArray(stored) ? stored : []) {
    const parsed = parseChangelogEntry(raw);
    if (!parsed.ok) throw new Error(parsed.message);
    operator.applyChangelogEntry(parsed.entry);
  }
  return operator;
}

function populated(): WindowOperator {
  const operator = new WindowOperator(reviewStatsConfig);
  operator.apply(review('r1', 'c1', 4, T0 - 100 * DAY), T0);
  operator.apply(review('r2', 'c1', 2, T0 - 5 * DAY), T0);
  operator.apply(review('r3', 'c2', 5, T0 + 60_000), T0);
  operator.apply(review('r4', 'c2', 1, T0 - DAY), T0);
  return operator;
}

describe('window changelog', () => {
  it('round-trips an export: identical reads now and later, identical next deadline', () => {
    const operator = populated();
    const restored = restore(operator.exportEntries());
    expect(restored.nextDeadline()).toBe(operator.nextDeadline());
    for (const at of [T0, T0 + 60_000, T0 + 85 * DAY, T0 + 200 * DAY]) {
      for (const key of ['c1', 'c2']) expect(restored.read(key, at)).toEqual(operator.read(key, at));
    }
  });

  it('emits after restore the changes that fell due while it was down', () => {
    const restored = restore(populated().exportEntries());
    const changes = restored.advance(T0 + 86 * DAY);
    expect(changes.map((change) => change.kind === 'key' && change.key).sort()).toEqual(['c1', 'c2']);
  });

  it('drains only the rows written since the last drain, deletes as null rows, plus the clock', () => {
    const operator = populated();
    operator.drainChangelog();
    operator.apply(remove('r2'), T0 + 1000);
    operator.apply(review('r4', 'c2', 1, T0 - DAY), T0 + 1000); // identical: nothing to write
    expect(operator.drainChangelog()).toEqual([
      { kind: 'row', id: 'r2', row: null },
      { kind: 'clock', now: T0 + 1000, sequence: 0 },
    ]);
  });

  it('keeps appending synthetic ids after a restore instead of reusing them', () => {
    const operator = new WindowOperator(reviewStatsConfig);
    operator.apply({ kind: 'upsert', key: 'c1', eventTime: T0, value: { rating: 1 } }, T0);
    const restored = restore(operator.exportEntries());
    restored.apply({ kind: 'upsert', key: 'c1', eventTime: T0, value: { rating: 3 } }, T0);
    expect(restored.read('c1', T0)).toMatchObject({ allTime: { count: 2, averageRating: 2 } });
  });

  it('names store keys so a later version of a row replaces the earlier one', () => {
    expect(changelogKey({ kind: 'row', id: 'r1', row: null })).toBe('row:r1');
    expect(changelogKey({ kind: 'clock', now: 0, sequence: 0 })).toBe('clock');
  });

  it('rejects malformed entries as data', () => {
    expect(parseChangelogEntry({ kind: 'row', id: 'x', row: { key: 'c', t: 'soon', values: [] } })).toEqual({
      ok: false,
      message: 'row x: malformed',
    });
    expect(parseChangelogEntry({ kind: 'row', id: 'x', row: { key: 'c', t: 1, values: ['4'] } }).ok).toBe(false);
    expect(parseChangelogEntry({ kind: 'other' }).ok).toBe(false);
    expect(parseChangelogEntry(null).ok).toBe(false);
  });
});
