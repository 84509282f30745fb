import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accountingProblems } from '../engine/accounting.ts';
import { compile } from '../engine/compile.ts';
import { MemoryDriver } from '../engine/memory-driver.ts';
import type { Plan } from '../engine/plan.ts';
import { validatePipeline } from '../index.ts';
import { nodeFactories } from './index.ts';
import { serializeModel, train } from './spam-filter/classifier.ts';

// The classifier reads a model with no features kept (two training texts): every review scores 0.5,
// under the threshold, so these tests see the rules and the plan, not a trained model's judgement.
const neutralModel = serializeModel(
  train([
    { text: 'win money', spam: true },
    { text: 'good course', spam: false },
  ]),
);

function reviewStatsPlan(): Plan {
  const validation = validatePipeline(JSON.parse(readFileSync(new URL('../../pipelines/review-stats.json', import.meta.url), 'utf8')));
  if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
  const result = compile(validation.pipeline, nodeFactories, {
    sourcePartitions: { reviews: 6 },
    internalPartitions: 4,
    env: { readResource: () => neutralModel },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.plan;
}

describe('pipelines/review-stats.json', () => {
  it('compiles with a repartition topic before each stage keyed by something other than the review id', () => {
    const plan = reviewStatsPlan();
    expect(plan.topics.filter((topic) => topic.role === 'repartition').map((topic) => [topic.name, topic.partitions])).toEqual([
      ['sluice.review-stats.spamFilter.velocity.repartition', 4],
      ['sluice.review-stats.spamFilter.duplicate.repartition', 4],
      ['sluice.review-stats.spamFilter.latest.repartition', 4],
      ['sluice.review-stats.courseStats.repartition', 4],
    ]);
    expect(plan.subTopologies.map((sub) => [sub.input.topic, sub.partitions])).toEqual([
      ['reviews', 6],
      ['sluice.review-stats.spamFilter.velocity.repartition', 4],
      ['sluice.review-stats.spamFilter.duplicate.repartition', 4],
      ['sluice.review-stats.spamFilter.latest.repartition', 4],
      ['sluice.review-stats.courseStats.repartition', 4],
    ]);
    // The sinks run where their input is: no repartition in front of a sink.
    expect(plan.stages.validReviewsTopic?.subTopology).toBe(plan.stages['spamFilter.latest']?.subTopology);
    expect(plan.stages.courseStatsTable?.subTopology).toBe(plan.stages.courseStats?.subTopology);
    expect(plan.topics.find((topic) => topic.name === 'course-stats')).toEqual({
      name: 'course-stats',
      partitions: 3,
      role: 'sink',
      config: { 'cleanup.policy': 'compact' },
    });
    expect(plan.stores.find((store) => store.node === 'courseStats')).toMatchObject({
      changelogTopic: 'sluice.review-stats.courseStats.rows.changelog',
      partitions: 4,
    });
    expect(plan.tasks).toHaveLength(6 + 4 * 4);
  });

  it('runs in the memory driver: valid reviews reach their topic and table, course figures their topic and table', () => {
    const driver = new MemoryDriver(reviewStatsPlan(), { startTime: Date.UTC(2026, 5, 1) });
    const at = (daysAgo: number) => new Date(driver.now() - daysAgo * 24 * 3600 * 1000).toISOString();
    const review = (id: string, courseId: string, rating: number, daysAgo: number) => ({
      key: id,
      value: { id, courseId, userId: `u-${id}`, rating, title: `Review ${id}`, content: `About ${courseId}`, createdAt: at(daysAgo) },
    });
    driver.send('reviews', [review('r1', 'c1', 5, 200), review('r2', 'c1', 3, 5), review('r3', 'c2', 4, 1)]);
    driver.send('reviews', [{ key: 'r2', value: null }]);
    // Order holds per partition (per key), not across them.
    expect(driver.output('reviews-valid').map((record) => [record.key, record.value === null ? 'deleted' : 'kept'])).toEqual(
      expect.arrayContaining([
        ['r1', 'kept'],
        ['r3', 'kept'],
        ['r2', 'kept'],
        ['r2', 'deleted'],
      ]),
    );
    expect(
      driver
        .output('reviews-valid')
        .filter((record) => record.key === 'r2')
        .map((record) => record.value === null),
    ).toEqual([false, true]);
    expect(
      driver.tables
        .rows('reviews_valid')
        .map((row) => row.id)
        .sort(),
    ).toEqual(['r1', 'r3']);
    const c1 = driver.tables.rows('course_stats').find((row) => row.courseId === 'c1');
    expect(c1).toMatchObject({ allTime: { count: 1, averageRating: 5 }, last90Days: { count: 0 } });
    expect(driver.output('course-stats').at(-1)?.key).toBeDefined();
    expect(accountingProblems(driver.metrics.snapshot())).toEqual([]);
  });
});
