import { describe, expect, it } from 'vitest';
import { readProjectCorpora } from '../../../runtime/spam/corpus-files.ts';
import { duplicateTextKey, judgePosting, MAX_POSTINGS, type Posting } from './duplicate-text.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const options = { minWords: 8, rememberMs: 30 * DAY, burst: { users: 5, withinMs: 10 * MINUTE } };

/** Posts the postings one after another, as the stage would, and returns each one's reason (its detail). */
function replay(postings: Posting[], text: string): (string | undefined)[] {
  const words = duplicateTextKey(text)?.words ?? 0;
  let remembered: Posting[] = [];
  return postings.map((posting) => {
    const judgement = judgePosting(remembered, posting, words, options);
    remembered = judgement.posts;
    return judgement.reason?.detail;
  });
}

const long = 'The instructor explains every step clearly and the exercises build on each other nicely.';

describe('duplicate text key', () => {
  it('gives the same key to copies that differ in case, accents, spacing and punctuation, and counts words', () => {
    const found = duplicateTextKey('Great course, learned a LOT!');
    expect(found?.key).toMatch(/^[0-9a-f]{28}$/);
    expect(found?.words).toBe(5);
    expect(duplicateTextKey('  great   cóurse learned a lot ')?.key).toBe(found?.key);
  });

  it('gives different texts different keys, and a text without words none', () => {
    expect(duplicateTextKey('Great course, learned a lot')?.key).not.toBe(duplicateTextKey('Great course, learned a little')?.key);
    expect(duplicateTextKey('!!! ...')).toBeUndefined();
  });
});

describe('duplicate text, judged like a moderator', () => {
  it('flags the same long text under another review id from another user, naming it and when', () => {
    expect(
      replay(
        [
          { id: 'r483', user: 'ada', t: 0 },
          { id: 'r500', user: 'bob', t: 2 * MINUTE },
        ],
        long,
      ),
    ).toEqual([undefined, 'same text as review r483 by another user 2 minutes ago']);
  });

  it('flags the same text from the same user under another review id, however short', () => {
    expect(
      replay(
        [
          { id: 'r1', user: 'ada', t: 0 },
          { id: 'r2', user: 'ada', t: 3 * DAY },
        ],
        'Good',
      ),
    ).toEqual([undefined, 'same text as review r1 by the same user 3 days ago']);
  });

  it('lets the real short phrases that different reviewers in the corpus share through, over time', async () => {
    // Sentences that really occur twice in the Yelp and IMDb sentences, written by different people.
    const texts = (await readProjectCorpora('reviewSentences')).map((example) => example.text.trim());
    const repeated = [...new Set(texts.filter((text, index) => texts.indexOf(text) !== index))];
    expect(repeated).toEqual(expect.arrayContaining(['I love this place.', 'Not recommended.', "I won't be back."]));
    for (const text of [...repeated, 'Good', 'Great course', 'Excellent']) {
      const postings = Array.from({ length: 12 }, (_, i) => ({ id: `r${i}`, user: `u${i}`, t: i * 3 * 60 * MINUTE }));
      expect(replay(postings, text).filter(Boolean), text).toEqual([]);
    }
  });

  it('flags a burst of one short text from many users: the 5th within 10 minutes and the ones after it', () => {
    const postings = Array.from({ length: 6 }, (_, i) => ({ id: `r${i}`, user: `u${i}`, t: i * MINUTE }));
    const reasons = replay(postings, 'Great course');
    expect(reasons.slice(0, 4)).toEqual([undefined, undefined, undefined, undefined]);
    expect(reasons[4]).toBe('the 5th review with this short text from a different user within 10 minutes (also r0, r1, r2 and 1 more)');
    expect(reasons[5]).toMatch(/^the 6th review/);
  });

  it('judges the burst by the reviews’ own times, so a replay of old reviews is no burst', () => {
    const postings = Array.from({ length: 6 }, (_, i) => ({ id: `r${i}`, user: `u${i}`, t: i * DAY }));
    expect(replay(postings, 'Great course').filter(Boolean)).toEqual([]);
  });

  it('changes nothing when the same review is sent again (an edit or a replay), before or after copies', () => {
    const first = { id: 'r1', user: 'ada', t: 0 };
    const copy = { id: 'r2', user: 'bob', t: MINUTE };
    expect(replay([first, first, copy, first, copy], long)).toEqual([
      undefined,
      undefined,
      'same text as review r1 by another user 1 minute ago',
      undefined,
      'same text as review r1 by another user 1 minute ago',
    ]);
  });

  it('says "dated later" when the copy read second carries the earlier time, and leaves "by another user" out without users', () => {
    expect(
      replay(
        [
          { id: 'r1', user: null, t: 5 * DAY },
          { id: 'r2', user: null, t: 0 },
        ],
        long,
      ),
    ).toEqual([undefined, 'same text as review r1 dated 5 days later']);
  });

  it('keeps at most MAX_POSTINGS postings per text, the newest', () => {
    let remembered: Posting[] = [];
    for (let i = 0; i < 40; i++) remembered = judgePosting(remembered, { id: `r${i}`, user: `u${i}`, t: i * DAY }, 1, options).posts;
    expect(remembered).toHaveLength(MAX_POSTINGS);
    expect(remembered[0]?.id).toBe(`r${40 - MAX_POSTINGS}`);
  });
});
