import { describe, expect, it } from 'vitest';
import { parseReview } from './review.ts';

const now = Date.parse('2026-11-25T12:00:00Z');
const valid = { id: 'r1', courseId: 'c1', userId: 'u1', rating: 4.5, createdAt: '2026-11-25T11:00:00+01:00' };

describe('parseReview', () => {
  it('accepts a complete review with a zoned timestamp', () => {
    expect(parseReview({ ...valid, title: 'Good', content: 'Clear and useful.', courseTitle: 'Kafka 101' }, now)).toEqual({
      ok: true,
      review: { ...valid, title: 'Good', content: 'Clear and useful.', courseTitle: 'Kafka 101' },
    });
  });

  it('reports one issue per bad field with its JSON pointer', () => {
    const result = parseReview({ ...valid, id: '', rating: 4.3, createdAt: '2026-11-25 11:00' }, now);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.path).sort()).toEqual(['/createdAt', '/id', '/rating']);
    expect(result.issues.find((issue) => issue.path === '/rating')?.message).toBe('must be a multiple of 0.5');
  });

  it('refuses ratings outside 0.5 to 5', () => {
    for (const rating of [0, 5.5, -1]) expect(parseReview({ ...valid, rating }, now).ok).toBe(false);
    for (const rating of [0.5, 5]) expect(parseReview({ ...valid, rating }, now).ok).toBe(true);
  });

  it('refuses a createdAt without a zone and one more than 5 minutes ahead', () => {
    expect(parseReview({ ...valid, createdAt: '2026-11-25T11:00:00' }, now).ok).toBe(false);
    expect(parseReview({ ...valid, createdAt: '2026-11-25T12:04:59Z' }, now).ok).toBe(true);
    expect(parseReview({ ...valid, createdAt: '2026-11-25T12:05:01Z' }, now)).toEqual({
      ok: false,
      issues: [{ path: '/createdAt', message: 'must not be more than 5 minutes in the future' }],
    });
  });

  it('names a missing required field and an unknown one', () => {
    const { userId: _, ...withoutUser } = valid;
    const result = parseReview({ ...withoutUser, stars: 5 }, now);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((issue) => issue.path).sort()).toEqual(['/stars', '/userId']);
  });
});

describe('what every sink can store', () => {
  const issuesOf = (input: unknown) => {
    const result = parseReview(input, now);
    return result.ok ? [] : result.issues;
  };

  it('refuses a NUL character, naming the field and the character', () => {
    expect(issuesOf({ ...valid, content: 'fine\u0000not fine' })).toEqual([
      { path: '/content', message: 'must not hold control characters other than tab, line feed and carriage return (U+0000 at 4)' },
    ]);
  });

  it('refuses every other control character (C0, DEL, C1), allowing tab and line breaks only in title and content', () => {
    for (const character of ['\u0001', '\u0008', '\u000b', '\u001b', '\u007f', '\u0085', '\u009f']) {
      expect(issuesOf({ ...valid, content: `a${character}b` }).map((issue) => issue.path)).toEqual(['/content']);
      expect(issuesOf({ ...valid, title: `a${character}b` }).map((issue) => issue.path)).toEqual(['/title']);
    }
    expect(parseReview({ ...valid, title: 'Two\tparts', content: 'Line one\r\nline two\n\ttabbed' }, now).ok).toBe(true);
    for (const field of ['id', 'courseId', 'userId', 'courseTitle']) {
      for (const character of ['\u0000', '\t', '\n', '\r', '\u007f']) {
        const issues = issuesOf({ ...valid, [field]: `a${character}b` });
        expect(issues.map((issue) => issue.path)).toEqual([`/${field}`]);
        expect(issues[0]?.message).toMatch(/^must not hold control characters \(U\+00[0-9A-F]{2} at 1\)$/);
      }
    }
  });

  it('refuses lone surrogates (text that is not Unicode) and accepts pairs', () => {
    expect(issuesOf({ ...valid, content: 'broken \ud83d here' })).toEqual([
      { path: '/content', message: 'must be valid Unicode: a lone surrogate (U+D83D at 7) cannot be stored' },
    ]);
    expect(issuesOf({ ...valid, userId: '\udc00' }).map((issue) => issue.path)).toEqual(['/userId']);
    expect(parseReview({ ...valid, content: 'Great 😀 course' }, now).ok).toBe(true);
  });

  it('refuses offsets PostgreSQL cannot read (beyond ±15:59) and accepts those it can', () => {
    for (const createdAt of ['2025-01-01T00:00:00+23:59', '2025-01-01T00:00:00+16:00', '2025-01-01T00:00:00-18:00']) {
      expect(issuesOf({ ...valid, createdAt })).toEqual([{ path: '/createdAt', message: 'must have a UTC offset within ±15:59' }]);
    }
    for (const createdAt of ['2025-01-01T00:00:00+15:59', '2025-01-01T00:00:00-15:59', '2025-01-01T00:00:00+05:30', '2025-01-01T00:00:00Z'])
      expect(parseReview({ ...valid, createdAt }, now).ok).toBe(true);
  });

  it('refuses instants before 1970 (year 0000 too) and after 9999', () => {
    for (const createdAt of ['0000-01-01T00:00:00Z', '0001-01-01T00:00:00Z', '1969-12-31T23:59:59.999Z', '1970-01-01T00:30:00+01:00']) {
      expect(issuesOf({ ...valid, createdAt })).toEqual([
        { path: '/createdAt', message: 'must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z' },
      ]);
    }
    expect(parseReview({ ...valid, createdAt: '1970-01-01T00:00:00Z' }, now).ok).toBe(true);
    expect(parseReview({ ...valid, createdAt: '1970-01-01T01:00:00+01:00' }, now).ok).toBe(true);
  });

  it('refuses more than millisecond precision, which PostgreSQL and Date.parse would round differently', () => {
    expect(issuesOf({ ...valid, createdAt: '2026-11-25T11:00:00.1234Z' })).toEqual([
      { path: '/createdAt', message: 'must have at most 3 digits of fractional seconds (milliseconds)' },
    ]);
    for (const fraction of ['.1', '.12', '.123'])
      expect(parseReview({ ...valid, createdAt: `2026-11-25T11:00:00${fraction}Z` }, now).ok).toBe(true);
  });

  it('refuses dates that do not exist and times that are not on a clock', () => {
    for (const createdAt of [
      '2025-02-29T00:00:00Z',
      '2025-04-31T00:00:00Z',
      '2025-01-01T24:00:00Z',
      '2025-01-01T23:59:60Z',
      '2025-13-01T00:00:00Z',
    ])
      expect(issuesOf({ ...valid, createdAt }).map((issue) => issue.path)).toEqual(['/createdAt']);
    expect(parseReview({ ...valid, createdAt: '2024-02-29T00:00:00Z' }, now).ok).toBe(true);
  });

  it('says what the body must be when it is not an object', () => {
    for (const input of [undefined, null, 42, 'review', [valid]]) {
      expect(issuesOf(input)).toEqual([{ path: '', message: 'must be a JSON object (a review)' }]);
    }
  });
});
