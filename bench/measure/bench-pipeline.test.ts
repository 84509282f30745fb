import { describe, expect, it } from 'vitest';
import { renamePipeline, reviewStatsForRun, topicOf } from './bench-pipeline.ts';

describe('the pipeline renamed for one bench run', () => {
  it('suffixes the id and every topic, and leaves the original alone', () => {
    const original = { id: 'p', nodes: [{ id: 'a', config: { topic: 'in' } }, { id: 'b', config: { table: 't' } }, { id: 'c' }] };
    const { definition, topics } = renamePipeline(original, 'x1');
    expect(definition).toEqual({
      id: 'bench-x1',
      nodes: [{ id: 'a', config: { topic: 'in-x1' } }, { id: 'b', config: { table: 't' } }, { id: 'c' }],
    });
    expect([...topics]).toEqual([['in', 'in-x1']]);
    expect(original.nodes[0]?.config?.topic).toBe('in');
  });

  it('keeps review-stats valid, with all four of its topics renamed', () => {
    const run = reviewStatsForRun('t2');
    expect(run.pipeline.id).toBe('bench-t2');
    expect(topicOf(run, 'reviews')).toBe('reviews-t2');
    expect(topicOf(run, 'course-stats')).toBe('course-stats-t2');
    expect([...run.topics.keys()].sort()).toEqual(['course-stats', 'reviews', 'reviews-spam', 'reviews-valid']);
    expect(() => topicOf(run, 'nope')).toThrow();
  });
});
