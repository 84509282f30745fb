import { describe, expect, it } from 'vitest';
import { readableRecord, recordIdentity } from './readable-record.ts';

const review = { id: 'r1', courseId: 'kafka-101', rating: 4.5, title: 'Clear', tags: ['a', 'b'] };

describe('a tapped record, readable', () => {
  it('shows each field as a row, lists and objects as compact JSON', () => {
    const readable = readableRecord({ key: 'r1', value: review, timestamp: Date.UTC(2026, 0, 2) });
    expect(readable.at).toBe('2026-01-02T00:00:00.000Z');
    expect(readable.fields).toEqual([
      { name: 'id', value: 'r1' },
      { name: 'courseId', value: 'kafka-101' },
      { name: 'rating', value: '4.5' },
      { name: 'title', value: 'Clear' },
      { name: 'tags', value: '["a","b"]' },
    ]);
    expect(readable.reasons).toEqual([]);
  });

  it('lists a spam record’s reasons as rules with their details, and whatever else each carries', () => {
    const spam = {
      ...review,
      spamReasons: [
        { rule: 'links', detail: '2 link(s)' },
        { rule: 'classifier', detail: 'p=0.97', score: 0.97 },
      ],
    };
    const readable = readableRecord({ key: null, value: spam, timestamp: 0 });
    expect(readable.fields.map((row) => row.name)).not.toContain('spamReasons');
    expect(readable.reasons).toEqual([
      { rule: 'links', detail: '2 link(s)', more: [] },
      { rule: 'classifier', detail: 'p=0.97', more: [{ name: 'score', value: '0.97' }] },
    ]);
  });

  it('shows a value that is not an object, and says when the tap cut a large one short', () => {
    expect(readableRecord({ key: 'k', value: 42, timestamp: 0 }).fields).toEqual([{ name: 'value', value: '42' }]);
    expect(readableRecord({ key: 'k', value: { truncated: '{"id":"r1",…' }, timestamp: 0 }).truncated).toBe(true);
  });

  it('tells records apart by time, key and value', () => {
    const a = { key: 'r1', value: review, timestamp: 1 };
    expect(recordIdentity(a)).toBe(recordIdentity(structuredClone(a)));
    expect(recordIdentity(a)).not.toBe(recordIdentity({ ...a, timestamp: 2 }));
  });
});
