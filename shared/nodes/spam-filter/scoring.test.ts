import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allCorpora } from '../../../runtime/spam/testing/corpus-fixtures.ts';
import { parseModel, spamLogOdds, train } from './classifier.ts';
import { visitFeatures } from './features.ts';
import { type SpamModel, WEIGHT_UNIT } from './model.ts';
import { TextScorer } from './scoring.ts';
import { TextSignals } from './signals.ts';
import { weightTableOf } from './weight-table.ts';

/** The definition: every distinct bucket of the text once, in the order visitFeatures visits them, summed. */
const weightMaps = new WeakMap<SpamModel, Map<number, number>>();

function referenceLogOdds(model: SpamModel, text: string): number {
  let weights = weightMaps.get(model);
  if (weights === undefined) {
    const map = new Map<number, number>();
    let bucket = 0;
    model.bucketDeltas.forEach((delta, index) => {
      bucket += delta;
      map.set(bucket, (model.weights[index] as number) * WEIGHT_UNIT);
    });
    weightMaps.set(model, map);
    weights = map;
  }
  const seen = new Set<number>();
  let logOdds = 0;
  visitFeatures(new TextSignals(text), model.features, (found) => {
    if (seen.has(found)) return;
    seen.add(found);
    logOdds += weights?.get(found) ?? 0;
  });
  return logOdds;
}

function shippedModel(): SpamModel {
  const parsed = parseModel(readFileSync(join(import.meta.dirname, '../../../pipelines/models/spam-model.json'), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.model;
}

// Words that share n-grams and repeat, so texts count the same bucket from several words and the same word twice.
const word = fc.constantFrom(
  'free',
  'freee',
  'subscribe',
  'my',
  'channel',
  'the',
  'course',
  'ｆｒｅｅ',
  'fréé',
  '2015',
  '0800123456',
  'ok',
);
const text = fc.array(fc.oneof(word, fc.string({ maxLength: 8 })), { maxLength: 30 }).map((words) => words.join(' '));

describe('the text scorer', () => {
  it('gives the very same log-odds as the definition, to the last bit, on every corpus text', async () => {
    const model = shippedModel();
    for (const { text: corpusText } of await allCorpora()) {
      expect(spamLogOdds(model, corpusText)).toBe(referenceLogOdds(model, corpusText));
    }
  }, 60_000);

  it('gives the very same log-odds on any text, a word repeated or not, and a changed text is scored afresh', () => {
    const model = shippedModel();
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (texts) => {
        for (const one of texts) expect(spamLogOdds(model, one)).toBe(referenceLogOdds(model, one));
        const changed = `${texts[0]} subscribe`;
        expect(spamLogOdds(model, changed)).toBe(referenceLogOdds(model, changed));
      }),
      { numRuns: 300 },
    );
  });

  it('remembers at most as many tokens as it may, and scores the same once it has forgotten them', () => {
    const model = train([
      { text: 'subscribe to my channel for free stuff', spam: true },
      { text: 'the course was clear and useful', spam: false },
    ]);
    const scorer = new TextScorer(model.features, weightTableOf(model), 5);
    const texts = ['subscribe to my channel for free stuff', 'the course was clear and useful', 'free free course channel'];
    for (let round = 0; round < 3; round++) {
      for (const one of texts) {
        expect(scorer.logOdds(new TextSignals(one))).toBe(referenceLogOdds(model, one));
        expect(scorer.rememberedTokens).toBeLessThanOrEqual(5);
      }
    }
  });
});
