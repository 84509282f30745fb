import { describe, expect, it } from 'vitest';
import { type VelocityState, velocityStep } from './velocity.ts';

const options = { maxReviews: 2, withinMs: 60_000 };

function replay(reviews: { id: string; eventTime: number }[]): ReturnType<typeof velocityStep>[] {
  let state: VelocityState | undefined;
  return reviews.map((review) => {
    const step = velocityStep(state, review, options);
    state = step.state;
    return step;
  });
}

describe('velocity', () => {
  it('allows up to maxReviews within the period', () => {
    const steps = replay([
      { id: 'a', eventTime: 0 },
      { id: 'b', eventTime: 10_000 },
    ]);
    expect(steps.map((step) => step.reason)).toEqual([undefined, undefined]);
  });

  it('flags the review that exceeds maxReviews, counting itself', () => {
    const last = replay([
      { id: 'a', eventTime: 0 },
      { id: 'b', eventTime: 10_000 },
      { id: 'c', eventTime: 20_000 },
    ]).at(-1);
    expect(last?.count).toBe(3);
    expect(last?.reason).toEqual({
      rule: 'velocity',
      detail: 'the 3rd review by this user within 1 minute (at most 2 allowed)',
      reviews: 3,
      withinMs: 60_000,
      maxReviews: 2,
    });
  });

  it('forgets reviews older than the period', () => {
    const last = replay([
      { id: 'a', eventTime: 0 },
      { id: 'b', eventTime: 10_000 },
      { id: 'c', eventTime: 65_000 },
    ]).at(-1);
    expect(last?.count).toBe(2);
    expect(last?.reason).toBeUndefined();
    expect(last?.state.recent.map((entry) => entry.id)).toEqual(['b', 'c']);
  });

  it('does not count a replayed or edited review twice', () => {
    const last = replay([
      { id: 'a', eventTime: 0 },
      { id: 'b', eventTime: 10_000 },
      { id: 'b', eventTime: 10_000 },
      { id: 'b', eventTime: 15_000 },
    ]).at(-1);
    expect(last?.count).toBe(2);
    expect(last?.reason).toBeUndefined();
  });

  it('keeps at most maxReviews + 1 entries however many reviews arrive', () => {
    const ids = Array.from({ length: 50 }, (_, index) => ({ id: `r${index}`, eventTime: index }));
    expect(replay(ids).at(-1)?.state.recent).toHaveLength(3);
  });

  it('counts a late review against the reviews around its own event time', () => {
    const last = replay([
      { id: 'a', eventTime: 100_000 },
      { id: 'b', eventTime: 110_000 },
      { id: 'late', eventTime: 5_000 },
    ]).at(-1);
    expect(last?.count).toBe(1);
  });
});
