import { describe, expect, it } from 'vitest';
import { parseReview } from '../shared/api/review.ts';
import { asReviewText, corpusTexts } from './corpus-texts.ts';

describe('the load generator texts', () => {
  it('are all review contents the API accepts (no control characters from the corpora)', async () => {
    const texts = await corpusTexts();
    const now = Date.now();
    const refused = [...texts.ham, ...texts.spam].filter(
      (content) =>
        !parseReview(
          { id: 'r', courseId: 'c', userId: 'u', rating: 4, content: content.slice(0, 10_000), createdAt: new Date(now).toISOString() },
          now,
        ).ok,
    );
    expect(refused).toEqual([]);
  });
});

describe('asReviewText', () => {
  it('restores Windows-1252 quotes mis-decoded as C1 controls and blanks other control characters', () => {
    expect(asReviewText('it\u0092s \u0093ok\u0094 \u0096 fine\u0085\u0001')).toBe('it’s “ok” – fine… ');
    expect(asReviewText('tab\tand\nline')).toBe('tab\tand\nline');
  });
});
