// biome-ignore-all lint/style/noRestrictedImports: the test reads review-stats.json from disk
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReview } from '../api/review.ts';
import { keyParser, recordParser, spokenDuration } from './parse-record.ts';
import type { RecordSchema } from './record-schema.ts';

// The review API's record schema is review-stats.json's source.http schema; the hand-written parseReview is the oracle.
const reviewStats = JSON.parse(readFileSync(new URL('../../pipelines/review-stats.json', import.meta.url), 'utf8')) as {
  nodes: { type: string; config: { schema: RecordSchema; keyField: string } }[];
};
const source = reviewStats.nodes.find((node) => node.type === 'source.http');
if (!source) throw new Error('review-stats.json has no source.http');
const parse = recordParser(source.config.schema, { name: 'review', eventTimeField: 'createdAt', maxFutureMs: 5 * 60_000 });
const now = Date.parse('2026-11-25T12:00:00Z');
const valid = { id: 'r1', courseId: 'c1', userId: 'u1', rating: 4.5, createdAt: '2026-11-25T11:00:00+01:00' };

const text = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('', 'a\u0000b', 'tab\there', '\ud800', 'x'.repeat(70), 'line\nbreak'));
const reviewLike = fc.record(
  {
    id: fc.oneof(text, fc.integer()),
    courseId: text,
    courseTitle: fc.oneof(text, fc.constant(null)),
    userId: text,
    rating: fc.oneof(fc.double({ min: -1, max: 6, noNaN: true }), fc.constantFrom(0.5, 3, 4.5, 5), fc.constant('4')),
    title: text,
    content: text,
    createdAt: fc.oneof(
      fc.constantFrom(
        '2026-11-25T11:00:00Z',
        '2026-11-25T12:05:01Z',
        '2025-01-01T00:00:00+23:59',
        '0000-01-01T00:00:00Z',
        '2025-01-01T00:00:00.1234567Z',
        'yesterday',
      ),
      fc.date({ min: new Date(0), max: new Date(Date.UTC(9999, 0, 1)), noInvalidDate: true }).map((date) => date.toISOString()),
    ),
    stars: fc.integer(),
  },
  { requiredKeys: [] },
);

describe('records parsed against their schema', () => {
  it("answers the review API's schema exactly as the hand-written review parser does: same record, same issues, same words", () => {
    fc.assert(
      fc.property(fc.oneof(reviewLike, fc.jsonValue({ maxDepth: 2 })), (input) => {
        const oracle = parseReview(input, now);
        const ours = parse(input, now);
        expect(ours.ok).toBe(oracle.ok);
        if (oracle.ok && ours.ok) expect(JSON.stringify(ours.record)).toBe(JSON.stringify(oracle.review));
        if (!oracle.ok && !ours.ok) expect(ours.issues).toEqual(oracle.issues);
      }),
      { numRuns: 3000, seed: 14 },
    );
  });

  it('lists the fields in the order of the schema, whatever order they came in', () => {
    const parsed = parse({ createdAt: valid.createdAt, rating: 4.5, userId: 'u1', courseId: 'c1', id: 'r1' }, now);
    expect(parsed.ok && Object.keys(parsed.record)).toEqual(['id', 'courseId', 'userId', 'rating', 'createdAt']);
  });

  it('checks a key as a URL carries it against its field, naming the field', () => {
    const key = keyParser(source.config.schema, 'id');
    expect(key('r1')).toEqual({ ok: true, key: 'r1' });
    expect(key('a\u0000b')).toEqual({ ok: false, issues: [{ path: '/id', message: 'must not hold control characters (U+0000 at 1)' }] });
    const numeric = keyParser({ type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] }, 'n');
    expect(numeric('12').ok).toBe(true);
    expect(numeric('1.5').ok).toBe(false);
  });

  it('says durations the way a sentence does', () => {
    expect([300_000, 60_000, 86_400_000 * 2, 1500].map(spokenDuration)).toEqual(['5 minutes', '1 minute', '2 days', '1500 milliseconds']);
  });
});
