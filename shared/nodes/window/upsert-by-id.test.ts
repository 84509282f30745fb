// Edits replace a record's contribution, deletes retract it, identical
// duplicates and deletes of unknown ids change nothing.
import { describe, expect, it } from 'vitest';
import { WindowOperator } from './window-operator.ts';
import type { WindowChange } from './window-output.ts';
import { DAY, remove, review, reviewStatsConfig, T0 } from './window-test-fixtures.ts';

const keyOutputs = (changes: WindowChange[]) =>
  changes.flatMap((change) =>
    change.kind === 'key' ? [{ key: change.key, allTime: change.output?.allTime, last90Days: change.output?.last90Days }] : [],
  );

function withTwoReviews(): WindowOperator {
  const operator = new WindowOperator(reviewStatsConfig);
  operator.apply(review('r1', 'c1', 2, T0 - DAY), T0);
  operator.apply(review('r2', 'c1', 4, T0 - 2 * DAY), T0);
  return operator;
}

describe('upsert by id', () => {
  it('replaces the rating of an edited review', () => {
    const operator = withTwoReviews();
    const { changes } = operator.apply(review('r1', 'c1', 5, T0 - DAY), T0);
    expect(keyOutputs(changes)).toEqual([
      { key: 'c1', allTime: { count: 2, averageRating: 4.5 }, last90Days: { count: 2, averageRating: 4.5 } },
    ]);
  });

  it('moves a review to another course: both courses change, the emptied one becomes a tombstone', () => {
    const operator = withTwoReviews();
    operator.apply(review('r3', 'c2', 1, T0 - DAY), T0);
    const { changes } = operator.apply(review('r3', 'c1', 1, T0 - DAY), T0);
    expect(changes).toContainEqual({ kind: 'key', key: 'c2', output: null });
    expect(keyOutputs(changes)).toContainEqual({
      key: 'c1',
      allTime: { count: 3, averageRating: 7 / 3 },
      last90Days: { count: 3, averageRating: 7 / 3 },
    });
    expect(operator.read('c2', T0)).toBeUndefined();
  });

  it('moves a review to an older date: out of last90Days, still in all-time, and its expiry timer goes with it', () => {
    const operator = withTwoReviews();
    const { changes } = operator.apply(review('r2', 'c1', 4, T0 - 200 * DAY), T0);
    expect(keyOutputs(changes)).toEqual([
      { key: 'c1', allTime: { count: 2, averageRating: 3 }, last90Days: { count: 1, averageRating: 2 } },
    ]);
    expect(operator.nextDeadline()).toBe(T0 - DAY + 90 * DAY);
  });

  it('moves a review from an old date into the window', () => {
    const operator = new WindowOperator(reviewStatsConfig);
    operator.apply(review('r1', 'c1', 2, T0 - 300 * DAY), T0);
    operator.apply(review('r1', 'c1', 2, T0 - 3 * DAY), T0);
    expect(operator.read('c1', T0)).toMatchObject({ allTime: { count: 1 }, last90Days: { count: 1, averageRating: 2 } });
  });

  it('retracts a deleted review everywhere, also one already expired from the window', () => {
    const operator = withTwoReviews();
    operator.apply(review('old', 'c1', 1, T0 - 100 * DAY), T0);
    operator.apply(remove('old'), T0);
    const { changes } = operator.apply(remove('r1'), T0);
    expect(keyOutputs(changes)).toEqual([
      { key: 'c1', allTime: { count: 1, averageRating: 4 }, last90Days: { count: 1, averageRating: 4 } },
    ]);
    expect(operator.apply(remove('r2'), T0).changes).toEqual([{ kind: 'key', key: 'c1', output: null }]);
    expect(operator.stats()).toEqual({ keys: 0, packedKeys: 0, rows: 0, heldRows: 0 });
    expect(operator.nextDeadline()).toBeUndefined();
  });

  it('ignores an identical duplicate and an edit of fields no aggregate reads', () => {
    const operator = withTwoReviews();
    expect(operator.apply(review('r1', 'c1', 2, T0 - DAY), T0)).toEqual({ changes: [] });
    expect(operator.apply(review('r1', 'c1', 2, T0 - DAY, { content: 'edited text' }), T0 + 1000)).toEqual({ changes: [] });
  });

  it('ignores the delete of an id it never saw, and a second delete', () => {
    const operator = withTwoReviews();
    expect(operator.apply(remove('nobody'), T0)).toEqual({ changes: [] });
    operator.apply(remove('r1'), T0);
    expect(operator.apply(remove('r1'), T0)).toEqual({ changes: [] });
  });

  it('edits a future-dated review before it is due without emitting, and counts the new version when due', () => {
    const operator = new WindowOperator(reviewStatsConfig);
    operator.apply(review('r1', 'c1', 1, T0 + 60_000), T0);
    expect(operator.apply(review('r1', 'c1', 5, T0 + 120_000), T0).changes).toEqual([]);
    expect(operator.nextDeadline()).toBe(T0 + 120_000);
    expect(operator.advance(T0 + 60_000)).toEqual([]);
    expect(keyOutputs(operator.advance(T0 + 120_000))).toEqual([
      { key: 'c1', allTime: { count: 1, averageRating: 5 }, last90Days: { count: 1, averageRating: 5 } },
    ]);
  });

  it('treats records without an id as append-only rows', () => {
    const operator = new WindowOperator(reviewStatsConfig);
    const anonymous = { kind: 'upsert', key: 'c1', eventTime: T0, value: { rating: 3 } } as const;
    operator.apply(anonymous, T0);
    operator.apply(anonymous, T0);
    expect(operator.read('c1', T0)).toMatchObject({ allTime: { count: 2, averageRating: 3 } });
  });
});
