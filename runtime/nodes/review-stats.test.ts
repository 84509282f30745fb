import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatePipeline } from '../../shared/index.ts';
import { compile } from '../engine/compile.ts';
import type { Plan } from '../engine/plan.ts';
import { testFactories } from '../engine/testing/test-factories.ts';
import { nodeFactories } from './index.ts';

// TODO(spam-filter): until its node file lands, the engine's stand-in takes its place:
// a two-stage node keyed by user, then by normalised text.
const factories = { ...nodeFactories, 'spam-filter': testFactories['spam-filter'] };

function reviewStatsPlan(): Plan {
  const validation = validatePipeline(JSON.parse(readFileSync(new URL('../../pipelines/review-stats.json', import.meta.url), 'utf8')));
  if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
  const result = compile(validation.pipeline, factories, { sourcePartitions: { reviews: 6 }, internalPartitions: 4 });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.plan;
}

describe('pipelines/review-stats.json', () => {
  it('compiles with a repartition topic before each stage keyed by something other than the review id', () => {
    const plan = reviewStatsPlan();
    expect(plan.topics.filter((topic) => topic.role === 'repartition').map((topic) => [topic.name, topic.partitions])).toEqual([
      ['sluice.review-stats.spamFilter.velocity.repartition', 4],
      ['sluice.review-stats.spamFilter.duplicate.repartition', 4],
      ['sluice.review-stats.courseStats.repartition', 4],
    ]);
    expect(plan.subTopologies.map((sub) => [sub.input.topic, sub.partitions])).toEqual([
      ['reviews', 6],
      ['sluice.review-stats.spamFilter.velocity.repartition', 4],
      ['sluice.review-stats.spamFilter.duplicate.repartition', 4],
      ['sluice.review-stats.courseStats.repartition', 4],
    ]);
    // The sinks run where their input is: no repartition in front of a sink.
    expect(plan.stages.validReviewsTopic?.subTopology).toBe(plan.stages['spamFilter.duplicate']?.subTopology);
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
    expect(plan.tasks).toHaveLength(6 + 3 * 4);
  });
});
