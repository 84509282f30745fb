// Request bodies for the API fuzz test: JSON of every shape, reviews near and across the valid/invalid border,
// batches, pipelines, and the ways a body goes wrong on the wire (wrong content type, empty, truncated, huge,
// deep, prototype keys, control characters, bytes that are not UTF-8).
import fc from 'fast-check';
import { mutatedPipeline, plausiblePipeline } from '../../shared/testing/arbitraries.ts';
import { eventTimeStrings } from '../../shared/testing/event-times.ts';

export interface FuzzBody {
  contentType: string | undefined;
  payload: string | Buffer | undefined;
}

const json = 'application/json';
export const contentTypes: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 12, arbitrary: fc.constant(json) },
  { weight: 2, arbitrary: fc.constantFrom('application/json; charset=utf-8', 'APPLICATION/JSON', 'application/json;') },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      undefined,
      '',
      'text/plain',
      'text/json',
      'application/json; charset=latin1',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/octet-stream',
      'application/vnd.api+json',
      ';;;',
      'application/json, text/plain',
    ),
  },
);

const oddText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    '\u0000',
    'a\u0000b',
    '\u001b[31mred',
    '\ud800',
    'x\udfffy',
    'x\u0085y',
    '\u007f',
    '\t',
    '\r\n',
    '\u2028',
    '\ufeff',
    '😀',
  ),
  fc.string({ minLength: 65, maxLength: 300 }),
  fc.nat(12_000).map((length) => 'x'.repeat(length)),
);

const recentTime = fc
  .integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.now() - 3_600_000 })
  .map((ms) => new Date(ms).toISOString());

/** Mostly a good value, sometimes an odd one of any kind. */
const usually = <T>(good: fc.Arbitrary<T>, odd: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 7, arbitrary: good }, { weight: 1, arbitrary: odd }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });

export const reviewLike = (idPrefix: string): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .record(
      {
        id: usually(
          fc.stringMatching(/^[a-z0-9-]{1,20}$/).map((id) => `${idPrefix}${id}`),
          oddText,
        ),
        courseId: usually(fc.constantFrom('kafka-101', 'go-201', 'sql-301'), oddText),
        userId: usually(fc.stringMatching(/^u[0-9]{1,4}$/), oddText),
        rating: usually(
          fc.integer({ min: 1, max: 10 }).map((n) => n / 2),
          fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, 5.5, 4.3, -1)),
        ),
        title: usually(fc.string({ maxLength: 30 }), oddText),
        content: usually(fc.string({ maxLength: 200 }), oddText),
        courseTitle: usually(fc.string({ maxLength: 30 }), oddText),
        createdAt: usually(
          recentTime,
          fc.oneof(eventTimeStrings, fc.constantFrom('2025-01-01T00:00:00+23:59', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z')),
        ),
      },
      { requiredKeys: [] },
    )
    .chain((review) =>
      fc.oneof(
        { weight: 6, arbitrary: fc.constant(review) },
        { weight: 1, arbitrary: fc.tuple(fc.string(), fc.jsonValue({ maxDepth: 1 })).map(([key, value]) => ({ ...review, [key]: value })) },
      ),
    );

/** Writes an object as JSON text with a key JSON.stringify could not produce as an own key. */
const withRawKey = (document: unknown, key: '__proto__' | 'constructor' | 'prototype') => {
  const text = JSON.stringify(document);
  const value = key === 'constructor' ? '{"prototype":{"polluted":true}}' : '{"polluted":true}';
  return text.startsWith('{') && text.length > 2 ? `{"${key}":${value},${text.slice(1)}` : `{"${key}":${value}}`;
};

const deep = fc
  .tuple(fc.integer({ min: 100, max: 12_000 }), fc.boolean())
  .map(([depth, arrays]) => (arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`));

/** A document as it might arrive: usually its JSON, sometimes damaged on the way. */
export function onTheWire(documents: fc.Arbitrary<unknown>): fc.Arbitrary<FuzzBody> {
  const payload = fc.oneof(
    { weight: 10, arbitrary: documents.map((document) => JSON.stringify(document) ?? 'null') },
    {
      weight: 2,
      arbitrary: fc.tuple(documents, fc.double({ min: 0, max: 1, noNaN: true })).map(([document, at]) => truncated(document, at)),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(documents, fc.constantFrom('__proto__', 'constructor', 'prototype') as fc.Arbitrary<'__proto__'>)
        .map(([d, key]) => withRawKey(d, key)),
    },
    { weight: 1, arbitrary: documents.map((document) => `\ufeff${JSON.stringify(document)}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '',
        ' ',
        'null',
        '42',
        '"review"',
        'true',
        '[]',
        '{}',
        'NaN',
        '{"rating": 1e400}',
        "{'id': 'single quotes'}",
      ),
    },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
    {
      weight: 1,
      arbitrary: fc
        .uint8Array({ maxLength: 64 })
        .map((bytes) => Buffer.concat([Buffer.from('{"id":"'), Buffer.from(bytes), Buffer.from('"}')])),
    },
    { weight: 1, arbitrary: fc.integer({ min: 65 * 1024, max: 1200 * 1024 }).map((size) => JSON.stringify({ content: 'x'.repeat(size) })) },
  );
  return fc.record({ contentType: contentTypes, payload: fc.option(payload, { freq: 30, nil: undefined }) });
}

function truncated(document: unknown, at: number): string {
  const text = JSON.stringify(document) ?? 'null';
  return text.slice(0, Math.floor(text.length * at));
}

export const reviewBodies = (idPrefix: string) => onTheWire(reviewLike(idPrefix));

export const batchBodies = (idPrefix: string) =>
  onTheWire(
    fc.oneof(
      { weight: 8, arbitrary: fc.array(reviewLike(idPrefix), { maxLength: 25 }).map((reviews) => ({ reviews })) },
      { weight: 2, arbitrary: fc.array(reviewLike(idPrefix), { maxLength: 10 }) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((reviews) => ({ reviews })) },
      {
        weight: 1,
        arbitrary: fc.constantFrom({ reviews: null }, {}, { reviews: [] }, { reviews: {} }, { reviews: 'x' }, { reviews: [1, null, 'x'] }),
      },
      { weight: 1, arbitrary: fc.array(reviewLike(idPrefix), { maxLength: 5 }).map((reviews) => ({ reviews, extra: true })) },
      { weight: 1, arbitrary: fc.constant({ reviews: Array.from({ length: 1001 }, (_, i) => ({ id: `${idPrefix}many-${i}` })) }) },
    ),
  );

/** Pipelines to validate or deploy: plausible ones, mutated ones, junk. Their id is never the deployed one's. */
export const pipelineBodies = onTheWire(
  fc.oneof(
    { weight: 3, arbitrary: plausiblePipeline },
    { weight: 4, arbitrary: mutatedPipeline },
    {
      weight: 2,
      arbitrary: fc.tuple(plausiblePipeline, fc.jsonValue({ maxDepth: 1 })).map(([pipeline, baseRevision]) => ({ pipeline, baseRevision })),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  ),
);

/** Bodies for routes that take none (stop, start, delete): anything at all. */
export const ignoredBodies = onTheWire(fc.jsonValue({ maxDepth: 2 }));
