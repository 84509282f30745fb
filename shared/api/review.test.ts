import { describe, expect, it } from 'vitest';
import { parseReview } from './review.ts';

const now = Date.parse('2026-11-25T12:00:00Z');
const valid = { id: 'r1', courseId: 'c1', userId: 'u1', rating: 4.5, createdAt: '2026-11-25T11:00:00+01:00' };

describe('parseReview', () => {
  it('accepts a complete review with a zoned timestamp', () => {
    expect(parseReview({ ...valid, title: 'Good', content: 'Clear and useful.', courseTitle: 'Kafka 101' }, now)).toEqual({
      ok: true,
      review: { ...valid, title: 'Good', content: 'Clear and useful.', courseTitle: 'Kafka 101' },
    });
  });

  it('reports one issue per bad field with its JSON pointer', () => {
    const result = parseReview({ ...valid, id: '', rating: 4.3, createdAt: '2026-11-25 11:00' }, now);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.path).sort()).toEqual(['/createdAt', '/id', '/rating']);
    expect(result.issues.find((issue) => issue.path === '/rating')?.message).toBe('must be a multiple of 0.5');
  });

  it('refuses ratings outside 0.5 to 5', () => {
    for (const rating of [0, 5.5, -1]) expect(parseReview({ ...valid, rating }, now).ok).toBe(false);
    for (const rating of [0.5, 5]) expect(parseReview({ ...valid, rating }, now).ok).toBe(true);
  });

  it('refuses a createdAt without a zone and one more than 5 minutes ahead', () => {
    expect(parseReview({ ...valid, createdAt: '2026-11-25T11:00:00' }, now).ok).toBe(false);
    expect(parseReview({ ...valid, createdAt: '2026-11-25T12:04:59Z' }, now).ok).toBe(true);
    expect(parseReview({ ...valid, createdAt: '2026-11-25T12:05:01Z' }, now)).toEqual({
      ok: false,
      issues: [{ path: '/createdAt', message: 'must not be more than 5 minutes in the future' }],
    });
  });

  it('names a missing required field and an unknown one', () => {
    const { userId: _, ...withoutUser } = valid;
    const result = parseReview({ ...withoutUser, stars: 5 }, now);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((issue) => issue.path).sort()).toEqual(['/stars', '/userId']);
  });
});
