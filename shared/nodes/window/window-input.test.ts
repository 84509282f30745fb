import { describe, expect, it } from 'vitest';
import { toWindowInput } from './window-input.ts';

const fields = { keyField: 'courseId', eventTimeField: 'createdAt', idField: 'id' };

describe('toWindowInput', () => {
  it('reads id, key and an ISO-8601 event time from a record value', () => {
    const value = { id: 'r1', courseId: 'c1', rating: 4, createdAt: '2026-06-01T02:00:00+02:00' };
    expect(toWindowInput({ key: 'r1', value }, fields)).toEqual({
      ok: true,
      input: { kind: 'upsert', id: 'r1', key: 'c1', eventTime: Date.parse('2026-06-01T00:00:00Z'), value },
    });
  });

  it('turns a tombstone into the delete of the id in the record key', () => {
    expect(toWindowInput({ key: 'r1', value: null }, fields)).toEqual({ ok: true, input: { kind: 'delete', id: 'r1' } });
  });

  it('explains what is missing instead of throwing', () => {
    expect(toWindowInput({ key: null, value: { courseId: 'c1', createdAt: 'yesterday' } }, fields)).toEqual({
      ok: false,
      reason: 'createdAt is not a time',
    });
    expect(toWindowInput({ key: null, value: { createdAt: 1 } }, fields)).toEqual({ ok: false, reason: 'courseId is missing' });
    expect(toWindowInput({ key: null, value: { courseId: 'c1', createdAt: 1 } }, fields)).toEqual({ ok: false, reason: 'id is missing' });
    expect(toWindowInput({ key: 'r1', value: null }, { keyField: 'k', eventTimeField: 't' }).ok).toBe(false);
  });

  it('leaves the id out when the node has no idField (append-only)', () => {
    const result = toWindowInput(
      { key: null, value: { courseId: 7, createdAt: 5 } },
      { keyField: 'courseId', eventTimeField: 'createdAt' },
    );
    expect(result).toEqual({ ok: true, input: { kind: 'upsert', key: '7', eventTime: 5, value: { courseId: 7, createdAt: 5 } } });
  });
});
