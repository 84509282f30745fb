// Path segments and query strings for the API fuzz test: valid ids, encoded junk, malformed percent-encoding,
// reserved and prototype names, overlong ids, encoded slashes and control characters.
import fc from 'fast-check';

/** A path segment, already as it appears in the URL (so malformed encodings reach the server as they are). */
export const oddSegment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/) },
  { weight: 4, arbitrary: fc.string({ minLength: 1 }).map(encodeURIComponent) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 10 }).map(encodeURIComponent) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'validate',
      '__proto__',
      'constructor',
      'prototype',
      'hasOwnProperty',
      '%',
      '%zz',
      '%00',
      'a%00b',
      '%0A',
      '%1B',
      '%ED%A0%80',
      '%C0%AF',
      '%FF',
      '..',
      '.',
      '%2E%2E',
      'a%2Fb',
      '%2F',
      '%20',
      '+',
      '%E2%80%A8',
      '%F0%9F%98%80',
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 60, max: 400 }).map((length) => 'x'.repeat(length)) },
);

const idList = fc.array(oddSegment, { maxLength: 130 }).map((ids) => ids.join(','));

/** The query string of GET /api/courses/stats, as sent. */
export const statsQuery: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: idList.map((ids) => `?ids=${ids}`) },
  { weight: 2, arbitrary: fc.array(oddSegment, { minLength: 2, maxLength: 4 }).map((ids) => `?${ids.map((id) => `ids=${id}`).join('&')}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', '?', '?ids', '?ids=', '?ids=,,,', '?ids[]=a', '?ids[a]=b', '?ids=a&ids=', '?x=1', '?ids=%', '?ids=a%00'),
  },
  { weight: 1, arbitrary: fc.string().map((text) => `?${encodeURIComponent(text)}`) },
);

/** The ?limit= of a tap, as sent. */
export const limitQuery: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.integer().map((n) => `?limit=${n}`),
  fc.constantFrom('?limit=', '?limit=abc', '?limit=1e400', '?limit=-0', '?limit=5&limit=6', '?limit[]=1', '?limit=NaN', '?limit=%'),
);
