import { describe, expect, it } from 'vitest';
import { readPipelineResource } from '../../runtime/cli/resources.ts';
import { parseReview } from '../../shared/api/review.ts';
import { partitionForKey } from '../../shared/engine/partitioner.ts';
import { parseModel, predict } from '../../shared/nodes/spam-filter/classifier.ts';
import { spamFilterConfigSchema } from '../../shared/nodes/spam-filter/declaration.ts';
import { applyTextRules, reviewText } from '../../shared/nodes/spam-filter/text-rules.ts';
import { caughtUpAt, probeReview } from './probes.ts';

const now = Date.parse('2026-11-25T10:00:00Z');

describe('probe reviews', () => {
  it('are valid reviews of fresh courses, with texts that never repeat', () => {
    const probes = Array.from({ length: 500 }, (_, n) => probeReview('r1', n, now));
    for (const probe of probes) expect(parseReview(probe, now).ok).toBe(true);
    expect(new Set(probes.map((p) => p.courseId)).size).toBe(500);
    expect(new Set(probes.map((p) => p.content)).size).toBe(500);
    expect(new Set(probes.map((p) => p.userId)).size).toBe(500);
  });

  it("pass review-stats' spam rules and classifier (a probe flagged as spam would never show)", () => {
    const config = spamFilterConfigSchema.parse({ idField: 'id', userField: 'userId', textFields: ['title', 'content'] });
    const model = parseModel(readPipelineResource(config.rules.classifier.model));
    if (!model.ok) throw new Error(model.message);
    for (let n = 0; n < 2000; n++) {
      const text = reviewText(probeReview('r3', n, now), config.textFields);
      expect(applyTextRules(text, config.rules)).toEqual([]);
      expect(predict(model.model, text)).toBeLessThan(config.rules.classifier.threshold);
    }
  });

  it('land in the window partition asked for', () => {
    for (let n = 0; n < 60; n++) expect(partitionForKey(probeReview('r2', n, now, 6).courseId, 6)).toBe(n % 6);
  });
});

describe('caughtUpAt', () => {
  const kill = 1000;
  it('is when the last partition first reflects a post-kill probe quickly', () => {
    const probes = [
      { partition: 0, sentAt: 900, seenAt: 950 }, // before the kill: does not count
      { partition: 0, sentAt: 1100, seenAt: 9000 }, // behind the backlog: too slow
      { partition: 1, sentAt: 1200, seenAt: 9100 },
      { partition: 0, sentAt: 8900, seenAt: 9200 },
      { partition: 1, sentAt: 9000, seenAt: 9400 },
      { partition: 1, sentAt: 9100, seenAt: 9300 }, // seen earlier than the one before it
    ];
    expect(caughtUpAt(probes, kill, 2, 500)).toBe(9300);
    expect(caughtUpAt(probes, kill, 2, 10_000)).toBe(9100);
  });

  it('is undefined while a partition has none', () => {
    expect(
      caughtUpAt(
        [
          { partition: 0, sentAt: 1100, seenAt: 1200 },
          { partition: 1, sentAt: 1100 },
        ],
        kill,
        2,
        500,
      ),
    ).toBe(undefined);
    expect(caughtUpAt([], kill, 1, 500)).toBe(undefined);
  });
});
