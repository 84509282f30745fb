import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approximateBytes } from './store.ts';

// The definition, as first written with Object.entries and reduce; the store's version walks with plain loops.
function byDefinition(value: unknown): number {
  if (value === null || value === undefined) return 4;
  switch (typeof value) {
    case 'string':
      return value.length + 2;
    case 'number':
    case 'bigint':
      return 8;
    case 'boolean':
      return 4;
    case 'object': {
      if (Array.isArray(value)) return value.reduce<number>((sum, item) => sum + byDefinition(item) + 1, 2);
      let sum = 2;
      for (const [field, item] of Object.entries(value)) sum += field.length + 3 + byDefinition(item);
      return sum;
    }
    default:
      return 0;
  }
}

describe('approximateBytes', () => {
  it('counts any JSON value as the definition does', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(approximateBytes(value)).toBe(byDefinition(value));
      }),
      { numRuns: 500 },
    );
  });

  it('skips the holes of a sparse array and the fields an object inherits, as the definition does', () => {
    const sparse: unknown[] = [1];
    sparse[2] = 3; // index 1 is a hole
    const inherited = Object.create({ hidden: 'x' }) as Record<string, unknown>;
    inherited.own = 1;
    expect(approximateBytes(sparse)).toBe(byDefinition(sparse));
    expect(approximateBytes(inherited)).toBe(byDefinition(inherited));
  });
});
