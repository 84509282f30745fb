import { describe, expect, it } from 'vitest';
import { parseReview } from '../../shared/api/review.ts';
import { defaultTraffic, generateTraffic, type LoadOperation } from './traffic.ts';

const texts = {
  ham: ['Clear explanations and good exercises.', 'Too fast in the second half.', 'Loved the projects.'],
  spam: ['WIN A FREE IPHONE click here', 'Cheap meds online www.pills.example'],
};
const now = new Date('2026-11-25T00:00:00Z');
const run = (overrides = {}) => [...generateTraffic({ ...defaultTraffic(texts, now), count: 5000, ...overrides })];
const countOf = (ops: LoadOperation[], label: LoadOperation['label']) => ops.filter((op) => op.label === label).length;

describe('the review traffic generator', () => {
  it('is reproducible: the same seed gives the same traffic', () => {
    expect(run({ seed: 7 })).toEqual(run({ seed: 7 }));
    expect(run({ seed: 7 })).not.toEqual(run({ seed: 8 }));
  });

  it('produces only reviews the API accepts', () => {
    for (const op of run()) if (op.kind === 'put') expect(parseReview(op.review, now.getTime()).ok).toBe(true);
  });

  it('mixes spam, duplicates, edits, deletes and late reviews in about the shares asked for', () => {
    const ops = run({ count: 20_000 });
    expect(countOf(ops, 'spam') / ops.length).toBeCloseTo(0.05, 1);
    expect(countOf(ops, 'duplicate') / ops.length).toBeCloseTo(0.05, 1);
    expect(countOf(ops, 'edit') / ops.length).toBeCloseTo(0.03, 1);
    expect(countOf(ops, 'delete')).toBeGreaterThan(100);
    expect(countOf(ops, 'late')).toBeGreaterThan(100);
  });

  it('repeats an existing review exactly as a duplicate, and keeps the id on an edit', () => {
    const ops = run();
    const seen = new Map<string, string>();
    for (const op of ops) {
      if (op.kind !== 'put') continue;
      if (op.label === 'duplicate') expect(seen.get(op.review.id)).toBe(JSON.stringify(op.review));
      if (op.label === 'edit') expect(seen.has(op.review.id)).toBe(true);
      seen.set(op.review.id, JSON.stringify(op.review));
    }
  });

  it('spreads event times over the period, out of order', () => {
    const times = run()
      .flatMap((op) => (op.kind === 'put' && op.label === 'new' ? [Date.parse(op.review.createdAt)] : []))
      .slice(0, 2000);
    const outOfOrder = times.filter((time, i) => i > 0 && time < (times[i - 1] ?? 0)).length;
    expect(outOfOrder).toBeGreaterThan(10);
    expect(Math.min(...times)).toBeLessThan(now.getTime() - 600 * 24 * 3600 * 1000);
  });

  it('gives a few courses most of the reviews', () => {
    const perCourse = new Map<string, number>();
    for (const op of run({ count: 20_000 }))
      if (op.kind === 'put') perCourse.set(op.review.courseId, (perCourse.get(op.review.courseId) ?? 0) + 1);
    const sorted = [...perCourse.values()].sort((a, b) => b - a);
    const top10 = sorted.slice(0, 10).reduce((a, b) => a + b, 0);
    expect(top10 / sorted.reduce((a, b) => a + b, 0)).toBeGreaterThan(0.15);
  });
});
