// The "last 90 days" figures: exact boundary (now − 90d, now], falling on time
// with no new records, and future-dated records entering when they are due.
import { describe, expect, it } from 'vitest';
import { WindowOperator } from './window-operator.ts';
import { DAY, review, reviewStatsConfig, T0 } from './window-test-fixtures.ts';

const figures = (operator: WindowOperator, key: string, now: number) => {
  const output = operator.read(key, now);
  return output && { allTime: output.allTime, last90Days: output.last90Days };
};

describe('sliding window', () => {
  it('emits the review-stats shape for a new review', () => {
    const operator = new WindowOperator(reviewStatsConfig);
    const { changes } = operator.apply(review('r1', 'c1', 4.5, T0 - DAY), T0);
    expect(changes).toEqual([
      {
        kind: 'key',
        key: 'c1',
        output: {
          courseId: 'c1',
          allTime: { count: 1, averageRating: 4.5 },
          last90Days: { count: 1, averageRating: 4.5 },
          asOf: new Date(T0).toISOString(),
        },
      },
    ]);
  });

  it('drops a review from last90Days exactly at t + 90 days, not a millisecond earlier', () => {
    const operator = new WindowOperator(reviewStatsConfig);
    const t = T0 - 10 * DAY;
    operator.apply(review('r1', 'c1', 2, t), T0);
    operator.apply(review('r2', 'c1', 4, T0), T0);
    expect(operator.nextDeadline()).toBe(t + 90 * DAY);
    expect(figures(operator, 'c1', t + 90 * DAY - 1)?.last90Days).toEqual({ count: 2, averageRating: 3 });
    expect(figures(operator, 'c1', t + 90 * DAY)?.last90Days).toEqual({ count: 1, averageRating: 4 });
    expect(operator.advance(t + 90 * DAY - 1)).toEqual([]);
    const [change] = operator.advance(t + 90 * DAY);
    expect(change?.kind === 'key' && change.output).toMatchObject({
      allTime: { count: 2, averageRating: 3 },
      last90Days: { count: 1, averageRating: 4 },
      asOf: new Date(t + 90 * DAY).toISOString(),
    });
    expect(operator.nextDeadline()).toBe(T0 + 90 * DAY);
  });

  it('shows an empty last90Days (null average) once every review is older than 90 days', () => {
    const operator = new WindowOperator(reviewStatsConfig);
    operator.apply(review('r1', 'c1', 5, T0), T0);
    const changes = operator.advance(T0 + 90 * DAY);
    expect(changes).toHaveLength(1);
    expect(figures(operator, 'c1', T0 + 90 * DAY)).toEqual({
      allTime: { count: 1, averageRating: 5 },
      last90Days: { count: 0, averageRating: null },
    });
    expect(operator.nextDeadline()).toBeUndefined();
  });

  it('counts a review already older than the window in all-time only', () => {
    const operator = new WindowOperator(reviewStatsConfig);
    operator.apply(review('r1', 'c1', 1, T0 - 90 * DAY), T0);
    expect(figures(operator, 'c1', T0)).toEqual({ allTime: { count: 1, averageRating: 1 }, last90Days: { count: 0, averageRating: null } });
    expect(operator.nextDeadline()).toBeUndefined();
  });

  it('lets a future-dated review enter both windows when its time comes', () => {
    const operator = new WindowOperator(reviewStatsConfig);
    const due = T0 + 5 * 60 * 1000;
    expect(operator.apply(review('r1', 'c1', 3, due), T0).changes).toEqual([]);
    expect(operator.read('c1', T0)).toBeUndefined();
    expect(operator.nextDeadline()).toBe(due);
    expect(operator.advance(due - 1)).toEqual([]);
    expect(figures(operator, 'c1', due)).toEqual({ allTime: { count: 1, averageRating: 3 }, last90Days: { count: 1, averageRating: 3 } });
    const changes = operator.advance(due);
    expect(changes.map((change) => change.kind === 'key' && change.output?.asOf)).toEqual([new Date(due).toISOString()]);
    expect(operator.nextDeadline()).toBe(due + 90 * DAY);
  });

  it('keeps several sliding windows of different sizes over the same rows', () => {
    const operator = new WindowOperator({
      ...reviewStatsConfig,
      windows: [
        { name: 'week', type: 'sliding', size: 7 * DAY },
        { name: 'quarter', type: 'sliding', size: 90 * DAY },
      ],
    });
    operator.apply(review('a', 'c1', 1, T0 - 30 * DAY), T0);
    operator.apply(review('b', 'c1', 3, T0 - 6 * DAY), T0);
    operator.apply(review('c', 'c1', 5, T0 - 8 * DAY), T0);
    expect(operator.read('c1', T0)).toMatchObject({ week: { count: 1, averageRating: 3 }, quarter: { count: 3, averageRating: 3 } });
    expect(operator.nextDeadline()).toBe(T0 + DAY);
    operator.advance(T0 + DAY);
    expect(operator.read('c1', T0 + DAY)).toMatchObject({ week: { count: 0, averageRating: null }, quarter: { count: 3 } });
  });

  it('answers read() as of a later instant without changing what advance() will emit', () => {
    const operator = new WindowOperator(reviewStatsConfig);
    operator.apply(review('r1', 'c1', 2, T0), T0);
    expect(operator.read('c1', T0 + 100 * DAY)?.last90Days).toEqual({ count: 0, averageRating: null });
    expect(operator.read('c1', T0)?.last90Days).toEqual({ count: 1, averageRating: 2 });
    expect(operator.advance(T0 + 90 * DAY)).toHaveLength(1);
  });

  it('keeps its own clock when a caller passes an earlier now: nothing expired comes back', () => {
    const operator = new WindowOperator(reviewStatsConfig);
    operator.apply(review('r1', 'c1', 2, T0), T0);
    operator.advance(T0 + 90 * DAY);
    const { changes } = operator.apply(review('r2', 'c1', 4, T0 + DAY), T0 + 10 * DAY);
    expect(changes[0]?.kind === 'key' && changes[0].output).toMatchObject({
      last90Days: { count: 1, averageRating: 4 },
      asOf: new Date(T0 + 90 * DAY).toISOString(),
    });
  });
});
