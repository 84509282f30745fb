// Probe reviews: each for a course nobody reviewed before, so the first course-stats
// record of that course is the probe's effect and nothing else's. A probe can be
// aimed at one partition of the window (partitioned by course id), and its text is
// plain and never repeats, so the spam filter lets it through (its test checks that).

import type { Review } from '../../shared/api/review.ts';
import { partitionForKey } from '../../shared/engine/partitioner.ts';

// Phrases the spam classifier scores near 0 in every combination (some praise, e.g. "made it easy to follow", scores near 1).
const topics = [
  'the exercises',
  'the examples',
  'the projects',
  'the quizzes',
  'the lectures',
  'the reading list',
  'the labs',
  'the slides',
];
const verdicts = [
  'were clear and well paced',
  'explained the ideas well',
  'matched what I needed at work',
  'were a bit long but useful',
  'were better than I expected',
];

/** The n-th probe of a run; with `partitions`, its course lands in window partition n % partitions. */
export function probeReview(run: string, n: number, now: number, partitions?: number): Review {
  let courseId = `probe-${run}-${n}`;
  for (let attempt = 0; partitions !== undefined && partitionForKey(courseId, partitions) !== n % partitions; attempt++)
    courseId = `probe-${run}-${n}-${attempt}`;
  return {
    id: `probe-${run}-${n}`,
    courseId,
    userId: `probe-user-${run}-${n}`,
    rating: 4,
    title: `Module ${n}`,
    content: `In module ${n} ${topics[n % topics.length]} ${verdicts[Math.floor(n / topics.length) % verdicts.length]}.`,
    createdAt: new Date(now).toISOString(),
  };
}

export interface ProbeTiming {
  partition: number;
  /** When the write was acknowledged. */
  sentAt: number;
  /** When its course first appeared in course-stats; undefined if never. */
  seenAt?: number;
}

/**
 * When the pipeline was caught up again after `since` (a kill): the moment the last window
 * partition first showed a probe sent after `since` within `withinMs`, i.e. without a
 * backlog in front of it. Undefined while some partition has no such probe yet.
 */
export function caughtUpAt(probes: readonly ProbeTiming[], since: number, partitions: number, withinMs: number): number | undefined {
  const first = new Map<number, number>();
  for (const probe of probes) {
    if (probe.sentAt < since || probe.seenAt === undefined || probe.seenAt - probe.sentAt > withinMs) continue;
    const earliest = first.get(probe.partition);
    if (earliest === undefined || probe.seenAt < earliest) first.set(probe.partition, probe.seenAt);
  }
  return first.size < partitions ? undefined : Math.max(...first.values());
}
