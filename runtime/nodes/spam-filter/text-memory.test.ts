import { describe, expect, it } from 'vitest';
import { InMemoryKeyValueStore } from '../../engine/store.ts';
import { expiryBucketMs, TextMemoryStore } from './text-memory.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const posting = (id: string) => ({ id, user: `u-${id}`, t: 0 });

describe('the texts the duplicate rule remembers', () => {
  it('tracks expiry to a 24th of the memory, between a second and an hour', () => {
    expect(expiryBucketMs(30 * DAY)).toBe(HOUR);
    expect(expiryBucketMs(HOUR)).toBe(150_000);
    expect(expiryBucketMs(1000)).toBe(1000);
  });

  it('forgets a text `remember` after it was last posted (rounded up to the next hour), and its index with it', () => {
    const store = new InMemoryKeyValueStore();
    const memory = new TextMemoryStore(store, 30 * DAY);
    const due = memory.remember('k', [posting('r1')], 0);
    expect(due).toBe(30 * DAY);
    expect(memory.postsOf('k', 30 * DAY - 1)).toEqual([posting('r1')]);
    expect(memory.postsOf('k', 30 * DAY)).toEqual([]); // past its memory even before a sweep
    expect(memory.sweep(30 * DAY - 1, 100)).toBe(30 * DAY);
    expect(store.size()).toBe(2);
    expect(memory.sweep(30 * DAY, 100)).toBeUndefined();
    expect(store.size()).toBe(0);
  });

  it('remembers a text posted again for longer, moving its index entry once per hour', () => {
    const store = new InMemoryKeyValueStore();
    const memory = new TextMemoryStore(store, 30 * DAY);
    memory.remember('k', [posting('r1')], 0);
    memory.remember('k', [posting('r1'), posting('r2')], 10 * 60_000); // same hour: same index entry
    expect([...store.range('time:')]).toHaveLength(1);
    const due = memory.remember('k', [posting('r1'), posting('r2'), posting('r3')], 20 * DAY);
    expect(due).toBe(50 * DAY);
    expect([...store.range('time:')]).toHaveLength(1);
    memory.sweep(30 * DAY, 100);
    expect(memory.postsOf('k', 30 * DAY)).toHaveLength(3);
    memory.sweep(50 * DAY, 100);
    expect(store.size()).toBe(0);
  });

  it('holds only the texts of the last `remember`, however many were posted before', () => {
    const store = new InMemoryKeyValueStore();
    const memory = new TextMemoryStore(store, 7 * DAY);
    for (let day = 0; day < 60; day++) {
      for (let i = 0; i < 100; i++) memory.remember(`d${day}-${i}`, [posting(`r${day}-${i}`)], day * DAY);
      memory.sweep(day * DAY, 10_000);
    }
    // 100 texts a day, each with its index entry: days 53 to 59 are within the last 7 days.
    expect(store.size()).toBe(7 * 100 * 2);
  });

  it('sweeps in slices, asking to come back soon while more is due', () => {
    const store = new InMemoryKeyValueStore();
    const memory = new TextMemoryStore(store, DAY);
    for (let i = 0; i < 25; i++) memory.remember(`k${i}`, [posting(`r${i}`)], 0);
    expect(memory.sweep(DAY, 10)).toBe(DAY + 1000);
    expect(memory.sweep(DAY, 10)).toBe(DAY + 1000);
    expect(memory.sweep(DAY, 10)).toBeUndefined();
    expect(store.size()).toBe(0);
  });

  it('deletes what an older version kept forever (a bare hash → the first review id) and ignores it meanwhile', () => {
    const store = new InMemoryKeyValueStore();
    store.put('0123456789abcdef0123456789ab', { firstId: 'r1' });
    store.put('fedcba9876543210fedcba987654', { firstId: 'r2' });
    const memory = new TextMemoryStore(store, DAY);
    expect(memory.postsOf('0123456789abcdef0123456789ab', 0)).toEqual([]);
    expect(memory.nextDue(5)).toBe(5);
    memory.remember('k', [posting('r3')], 0);
    expect(memory.sweep(10, 100)).toBe(DAY);
    expect([...store.entries()].map(([key]) => key).sort()).toEqual(['text:k', `time:${String(DAY).padStart(15, '0')}:k`]);
  });
});
