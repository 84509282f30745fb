import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toJson } from './record-codec.ts';

describe('toJson', () => {
  it('writes what JSON.stringify writes for values without bigints', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(toJson(value)).toBe(JSON.stringify(value));
      }),
      { numRuns: 300 },
    );
  });

  it('writes bigints (CEL integers) as numbers, at any depth', () => {
    expect(toJson({ n: 12n, nested: { list: [1, 2n, { deep: -3n }] }, s: 'x' })).toBe(
      '{"n":12,"nested":{"list":[1,2,{"deep":-3}]},"s":"x"}',
    );
  });

  it('still refuses a value that refers to itself', () => {
    const value: Record<string, unknown> = { a: 1n };
    value.self = value;
    expect(() => toJson(value)).toThrow(TypeError);
  });
});
