import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModel, predict, serializeModel, train } from './classifier.ts';
import { loadModel, saveModel } from './model-files.ts';

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
const smallCorpus = { minDocuments: 1 };

describe('naive Bayes classifier', () => {
  it('learns to tell a tiny spam corpus from ham', () => {
    const model = train(examples, smallCorpus);
    expect(predict(model, 'click now to win a free prize')).toBeGreaterThan(0.9);
    expect(predict(model, 'the teacher made the lectures clear')).toBeLessThan(0.1);
  });

  it('answers with the prior for a text without known features', () => {
    const model = train(examples, smallCorpus);
    expect(predict(model, 'zzzz qqqq')).toBeCloseTo(0.5, 5);
  });

  it('is deterministic: the same data gives the same model', () => {
    expect(serializeModel(train(examples, smallCorpus))).toBe(serializeModel(train([...examples], smallCorpus)));
  });

  it('drops features seen in fewer than minDocuments texts', () => {
    const all = train(examples, { minDocuments: 1 }).bucketDeltas.length;
    const pruned = train(examples, { minDocuments: 2 }).bucketDeltas.length;
    expect(pruned).toBeGreaterThan(0);
    expect(pruned).toBeLessThan(all);
  });

  it('keeps at most maxFeatures features', () => {
    expect(train(examples, { minDocuments: 1, maxFeatures: 10 }).bucketDeltas).toHaveLength(10);
  });

  it('saves and loads a model that predicts the same', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'sluice-spam-'));
    try {
      const model = train(examples, smallCorpus);
      await saveModel(join(folder, 'model.json'), model);
      const loaded = await loadModel(join(folder, 'model.json'));
      expect(predict(loaded, 'free prize')).toBe(predict(model, 'free prize'));
    } finally {
      await rm(folder, { recursive: true });
    }
  });

  it('rejects a file that is not a model', () => {
    expect(parseModel('{"kind":"something else"}')).toMatchObject({ ok: false, message: expect.stringContaining('not a spam model') });
    expect(parseModel('not json')).toMatchObject({ ok: false, message: expect.stringContaining('not JSON') });
  });
});
