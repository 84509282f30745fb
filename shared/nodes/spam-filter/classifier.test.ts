import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel, saveModel } from '../../../runtime/spam/model-files.ts';
import { contributions, parseModel, predict, serializeModel, spamLogOdds, train } from './classifier.ts';

// A tiny synthetic corpus: spam sells and asks for clicks, ham talks about the course.
const examples = [
  { text: 'win a free prize now, click here', spam: true },
  { text: 'free money, click the link to claim your prize', spam: true },
  { text: 'cheap pills, buy now and win', spam: true },
  { text: 'claim your free reward, click now', spam: true },
  { text: 'the lectures were clear and the exercises useful', spam: false },
  { text: 'good course, the teacher explains the exercises well', spam: false },
  { text: 'the second module was hard but the lectures helped', spam: false },
  { text: 'useful exercises, clear teacher, I learned a lot', spam: false },
];

describe('logistic-regression classifier', () => {
  it('learns to tell a tiny spam corpus from ham', () => {
    const model = train(examples, { epochs: 30 });
    expect(predict(model, 'click now to win a free prize')).toBeGreaterThan(0.8);
    expect(predict(model, 'the teacher made the lectures clear')).toBeLessThan(0.2);
  });

  it('is deterministic: the same data and seed give the same model, another seed another one', () => {
    expect(serializeModel(train(examples))).toBe(serializeModel(train([...examples])));
    expect(serializeModel(train(examples, { seed: 7 }))).not.toBe(serializeModel(train(examples)));
  });

  it('keeps only the features L1 did not set to zero, and more of them with a weaker L1', () => {
    const strong = train(examples, { l1: 2 }).bucketDeltas.length;
    const weak = train(examples, { l1: 0.01 }).bucketDeltas.length;
    expect(strong).toBeGreaterThan(0);
    expect(weak).toBeGreaterThan(strong);
  });

  it('never lets a course word count as spam, even when training says it should', () => {
    const videoSpam = [
      { text: 'watch my videos', spam: true },
      { text: 'new videos every day', spam: true },
      { text: 'videos videos videos', spam: true },
      { text: 'the food was nice', spam: false },
    ];
    const model = train(videoSpam, { epochs: 30 });
    const videos = contributions(model, 'videos').find((contribution) => contribution.feature === 'videos');
    expect(videos?.weight ?? 0).toBeLessThanOrEqual(0);
    expect(contributions(model, 'watch my videos')[0]?.weight).toBeGreaterThan(0); // "watch", "my videos" still count
  });

  it('names what moved the score: words with their spellings, word pairs and meta features, adding up to the log-odds', () => {
    const model = train(examples, { epochs: 30 });
    const parts = contributions(model, 'click now to win a free prize');
    expect(parts[0]?.weight).toBeGreaterThan(0);
    expect(parts.map((part) => part.feature)).toEqual(expect.arrayContaining(['click', 'free', 'free prize', 'a short text']));
    const sum = (text: string) => contributions(model, text).reduce((total, part) => total + part.weight, 0);
    const bias = spamLogOdds(model, '') - sum(''); // the one feature never shown
    expect(sum('click now to win a free prize') + bias).toBeCloseTo(spamLogOdds(model, 'click now to win a free prize'), 6);
  });

  it('saves and loads a model that predicts the same', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'sluice-spam-'));
    try {
      const model = train(examples);
      await saveModel(join(folder, 'model.json'), model);
      const loaded = await loadModel(join(folder, 'model.json'));
      expect(predict(loaded, 'free prize')).toBe(predict(model, 'free prize'));
    } finally {
      await rm(folder, { recursive: true });
    }
  });

  it('rejects a file that is not a model, saying what is wrong', () => {
    expect(parseModel('{"kind":"something else"}')).toMatchObject({ ok: false, message: expect.stringContaining('not a spam model') });
    expect(parseModel('not json')).toMatchObject({ ok: false, message: expect.stringContaining('not JSON') });
    const model = JSON.parse(serializeModel(train(examples))) as { weights: number[] };
    model.weights.push(1);
    expect(parseModel(JSON.stringify(model))).toMatchObject({ ok: false, message: expect.stringContaining('differ in length') });
  });
});
