import { describe, expect, it } from 'vitest';
import { allCorpora } from '../../../runtime/spam/testing/corpus-fixtures.ts';
import { leaveOneSourceOut } from './leave-one-out.ts';
import { DEFAULT_TEXT_RULES } from './training.ts';

// Measured with `npm run sluice -- train-spam --evaluate` (default rules, threshold 0.5; docs/spam-filter.md): per
// source left out of training, the whole filter's true positives (at least) and false positives (at most). These
// are the floors: a change that catches less spam or flags more honest texts from an unseen source fails here.
const MEASURED: Record<string, { truePositives: number; falsePositives: number }> = {
  'review-sentences/imdb_labelled.txt': { truePositives: 0, falsePositives: 2 },
  'review-sentences/yelp_labelled.txt': { truePositives: 0, falsePositives: 3 },
  'sms-spam/SMSSpamCollection': { truePositives: 524, falsePositives: 128 },
  'youtube-spam/Youtube01-Psy.csv': { truePositives: 150, falsePositives: 7 },
  'youtube-spam/Youtube02-KatyPerry.csv': { truePositives: 153, falsePositives: 2 },
  'youtube-spam/Youtube03-LMFAO.csv': { truePositives: 198, falsePositives: 0 },
};

describe('the spam filter on sources it never saw (each left out of training in turn)', () => {
  it('catches at least as much spam and flags at most as many honest texts as measured, per source', async () => {
    const result = leaveOneSourceOut(await allCorpora(), { rules: DEFAULT_TEXT_RULES, threshold: 0.5 });
    const measured = Object.fromEntries(
      result.bySource.map(({ source, filter }) => [
        source,
        { truePositives: filter.confusion.truePositives, falsePositives: filter.confusion.falsePositives },
      ]),
    );
    expect(Object.keys(measured).sort()).toEqual(Object.keys(MEASURED).sort());
    for (const [source, floor] of Object.entries(MEASURED)) {
      expect(measured[source]?.truePositives, `${source}: spam caught`).toBeGreaterThanOrEqual(floor.truePositives);
      expect(measured[source]?.falsePositives, `${source}: honest texts flagged`).toBeLessThanOrEqual(floor.falsePositives);
    }
    // The targets where they are met: ≤ 1% of honest review sentences, and precision ≥ 95% with recall
    // ≥ 85% on the comments of Psy and Katy Perry (LMFAO's recall, 83.9%, is short of it: docs/spam-filter.md).
    for (const { source, filter } of result.bySource) {
      if (source.startsWith('review-sentences/')) expect(filter.falsePositiveRate, source).toBeLessThanOrEqual(0.01);
      if (/Psy|KatyPerry/.test(source)) {
        expect(filter.scores.precision, source).toBeGreaterThanOrEqual(0.95);
        expect(filter.scores.recall, source).toBeGreaterThanOrEqual(0.85);
      }
    }
  }, 60_000);
});
