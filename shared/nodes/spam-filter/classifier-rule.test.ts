import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProjectCorpora } from '../../../runtime/spam/corpus-files.ts';
import { parseModel, train } from './classifier.ts';
import { classifierRule, requiredScore } from './classifier-rule.ts';
import type { SpamModel } from './model.ts';

function shippedModel(): SpamModel {
  const parsed = parseModel(readFileSync(join(import.meta.dirname, '../../../pipelines/models/spam-model.json'), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.model;
}

describe('classifier rule', () => {
  it('asks more of a short text: halfway from the threshold to 1 under 4 words', () => {
    expect(requiredScore(0.5, 3)).toBe(0.75);
    expect(requiredScore(0.5, 4)).toBe(0.5);
    expect(requiredScore(0.8, 1)).toBeCloseTo(0.9, 10);
  });

  it('gives the score, the threshold and the three features that pushed it most, in a sentence', () => {
    const model = shippedModel();
    const [reason] = classifierRule(model, 'Subscribe to my channel, I post new videos every day', 0.5);
    if (reason?.rule !== 'classifier') throw new Error(`expected a classifier reason, got ${JSON.stringify(reason)}`);
    expect(reason.threshold).toBe(0.5);
    expect(reason.score).toBeGreaterThan(0.9);
    expect(reason.pushedBy).toHaveLength(3);
    expect(reason.pushedBy[0]?.feature).toBe('subscribe');
    const [first, second, third] = reason.pushedBy.map((p) => `${p.feature} +${p.weight.toFixed(1)}`);
    expect(reason.detail).toBe(
      `spam score ${reason.score.toFixed(2)}, the threshold is 0.50; pushed up most by ${first}, ${second}, ${third}`,
    );
  });

  it('says when a short text met the higher bar', () => {
    const [reason] = classifierRule(shippedModel(), 'Subscribe to me', 0.5);
    expect(reason?.detail).toMatch(
      /^spam score 1\.00, a text of under 4 words needs 0\.75 \(threshold 0\.50\); pushed up most by subscribe \+/,
    );
  });

  it('leaves the short honest review sentences of the corpus alone, positive and negative', async () => {
    const short = (await readProjectCorpora('reviewSentences')).filter((example) => example.text.split(/\s+/).length <= 3);
    expect(short.map((example) => example.text)).toEqual(expect.arrayContaining(['Not recommended.', '10/10', 'Very disappointing.']));
    const model = shippedModel();
    const flagged = short.filter((example) => classifierRule(model, example.text, 0.5).length > 0).map((example) => example.text);
    expect(flagged).toEqual([]);
  });

  it('names no features when none pushed the score up (at a threshold of 0 everything is spam)', () => {
    const model = train([
      { text: 'buy now', spam: true },
      { text: 'buy now', spam: true },
      { text: 'good', spam: false },
    ]);
    expect(classifierRule(model, 'qqqq xxxx jjjj kkkk', 0)[0]?.detail).toMatch(/^spam score 0\.\d\d, the threshold is 0\.00$/);
  });
});
