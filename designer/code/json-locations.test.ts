import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetToLineColumn, pointerToSpan } from './json-locations.ts';

const text = JSON.stringify(
  {
    nodes: [
      { id: 'a', config: { size: '90d', 'we/ird~key': true } },
      { id: 'b', config: {} },
    ],
    edges: [],
  },
  null,
  2,
);

function textAt(pointer: string): string | undefined {
  const span = pointerToSpan(text, pointer);
  return span && text.slice(span.start, span.end);
}

describe('JSON pointer → text range', () => {
  it('finds values in objects and arrays', () => {
    expect(textAt('/nodes/0/config/size')).toBe('"90d"');
    expect(textAt('/nodes/1/id')).toBe('"b"');
    expect(textAt('/edges')).toBe('[]');
    expect(textAt('/nodes/0/config/we~1ird~0key')).toBe('true');
  });

  it('spans the whole document for the empty pointer', () => {
    expect(textAt('')).toBe(text);
  });

  it('points at the start of the nearest existing value when the end is missing', () => {
    expect(textAt('/nodes/1/config/topic')).toBe('{');
    expect(textAt('/nodes/7')).toBe('[');
  });

  it('gives nothing for text that is not JSON', () => {
    expect(pointerToSpan('{"a": ', '/a')).toBeUndefined();
  });

  it('finds every leaf of any JSON value, whatever the formatting', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2), (value, indent) => {
        const json = JSON.stringify(value, null, indent); // compared after a round trip, where -0 becomes 0
        for (const [pointer, leaf] of leaves(JSON.parse(json))) {
          const span = pointerToSpan(json, pointer);
          expect(span && JSON.parse(json.slice(span.start, span.end))).toEqual(leaf);
        }
      }),
    );
  });

  it('turns offsets into 1-based lines and columns', () => {
    expect(offsetToLineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(offsetToLineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});

function leaves(value: unknown, pointer = ''): Array<[string, unknown]> {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, `${pointer}/${i}`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => leaves(item, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`));
  }
  return [[pointer, value]];
}
