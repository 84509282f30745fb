import { describe, expect, it } from 'vitest';
import reviewStats from '../../pipelines/review-stats.json';
import { previewInput, SAMPLE_REVIEWS } from './preview-input.ts';
import { runPreview } from './run-preview.ts';

const sample = previewInput(SAMPLE_REVIEWS);

describe('preview in the in-memory driver', () => {
  it('runs review-stats over the sample reviews, node by node', () => {
    const result = runPreview(reviewStats, sample);
    if (result.status !== 'ok') throw new Error(JSON.stringify(result));
    const node = (id: string) => result.nodes.find((candidate) => candidate.nodeId === id);
    expect(node('reviews')).toMatchObject({ received: 20, outputs: [{ port: 'out', values: expect.any(Array) }] });
    const spamFilter = node('spamFilter');
    const [valid, spam] = spamFilter?.outputs ?? [];
    expect(valid?.port).toBe('valid');
    expect(spam?.port).toBe('spam');
    expect((valid?.values.length ?? 0) + (spam?.values.length ?? 0)).toBe(20);
    expect(node('validReviewsTopic')?.written).toMatchObject({ kind: 'topic', name: 'reviews-valid' });
    expect(node('validReviewsTopic')?.written?.values).toHaveLength(valid?.values.length ?? -1);
    // One row per course the valid reviews are about.
    const courses = new Set((valid?.values ?? []).map((value) => (value as { courseId: string }).courseId));
    expect(node('courseStatsTable')?.written).toMatchObject({ kind: 'table', name: 'course_stats' });
    expect(node('courseStatsTable')?.written?.values).toHaveLength(courses.size);
  });

  it('says why each spam review went to spam', () => {
    const result = runPreview(reviewStats, sample);
    if (result.status !== 'ok') throw new Error(JSON.stringify(result));
    const rulesOf = (id: string) => result.spam.find((verdict) => verdict.id === id)?.reasons.map((reason) => reason.rule);
    expect(rulesOf('r017')).toContain('links');
    expect(rulesOf('r018')).toContain('contacts');
    // The honest "Hard to follow" review stays valid; shouting alone (r020) is no longer spam by default.
    expect(rulesOf('r009')).toBeUndefined();
    expect(rulesOf('r020')).toBeUndefined();
    expect(result.spam.find((verdict) => verdict.id === 'r017')?.title).toBe('BEST DEAL!!! CLICK NOW');
    expect(result.spam.every((verdict) => verdict.reasons.length > 0)).toBe(true);
    const spamPort = result.nodes.find((node) => node.nodeId === 'spamFilter')?.outputs[1];
    expect(result.spam).toHaveLength(spamPort?.values.length ?? -1);
  });

  it('refuses a pipeline the validator refuses, with its issues', () => {
    const broken = {
      ...reviewStats,
      edges: [...reviewStats.edges, { from: { node: 'ghost', port: 'out' }, to: { node: 'spamTopic', port: 'in' } }],
    };
    const result = runPreview(broken, sample);
    expect(result.status).toBe('invalid');
    expect(result.status === 'invalid' && result.issues.map((issue) => issue.path)).toContain('/edges/7/from/node');
  });

  it('names a model file the preview does not carry', () => {
    const withOtherModel = {
      ...reviewStats,
      nodes: reviewStats.nodes.map((node) =>
        node.id === 'spamFilter'
          ? { ...node, config: { ...node.config, rules: { classifier: { model: 'models/elsewhere.json' } } } }
          : node,
      ),
    };
    const result = runPreview(withOtherModel, sample);
    expect(result.status).toBe('invalid');
    expect(result.status === 'invalid' && result.issues[0]?.message).toContain('models/elsewhere.json');
  });
});
