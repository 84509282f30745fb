import { describe, expect, it } from 'vitest';
import { InMemoryKeyValueStore } from '../../engine/store.ts';
import { sweepPassMs, TextMemoryStore } from './text-memory.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const posting = (id: string) => ({ id, user: `u-${id}`, t: 0 });

/** Runs the sweep as the stage's timers would, until `until`: each sweep at the time the previous one asked for. */
function sweepUntil(memory: TextMemoryStore, from: number, until: number): number {
  let at: number | undefined = from;
  let sweeps = 0;
  while (at !== undefined && at <= until) {
    at = memory.sweep(at);
    sweeps++;
  }
  return sweeps;
}

describe('the texts the duplicate rule remembers', () => {
  it('sweeps the whole store in a 24th of the memory, between a second and an hour', () => {
    expect(sweepPassMs(30 * DAY)).toBe(HOUR);
    expect(sweepPassMs(HOUR)).toBe(150_000);
    expect(sweepPassMs(1000)).toBe(1000);
  });

  it('forgets a text `remember` after it was last posted: unread at once, deleted by the next sweep', () => {
    const store = new InMemoryKeyValueStore();
    const memory = new TextMemoryStore(store, 30 * DAY);
    memory.remember('k', [posting('r1')], 0);
    expect(memory.postsOf('k', 30 * DAY - 1)).toEqual([posting('r1')]);
    expect(memory.postsOf('k', 30 * DAY)).toEqual([]); // past its memory even before a sweep
    expect(memory.sweep(30 * DAY - 1)).toBe(30 * DAY - 1 + HOUR);
    expect(store.size()).toBe(1);
    expect(memory.sweep(30 * DAY)).toBeUndefined();
    expect(store.size()).toBe(0);
  });

  it('remembers a text posted again for `remember` after the last posting', () => {
    const memory = new TextMemoryStore(new InMemoryKeyValueStore(), 30 * DAY);
    memory.remember('k', [posting('r1')], 0);
    memory.remember('k', [posting('r1'), posting('r2')], 20 * DAY);
    memory.sweep(30 * DAY);
    expect(memory.postsOf('k', 30 * DAY)).toHaveLength(2);
    memory.sweep(50 * DAY);
    expect(memory.postsOf('k', 50 * DAY)).toEqual([]);
  });

  it('holds only the texts of the last `remember` (and a pass), however many were posted before', () => {
    const store = new InMemoryKeyValueStore();
    const memory = new TextMemoryStore(store, 7 * DAY, 50);
    for (let day = 0; day < 60; day++) {
      for (let i = 0; i < 100; i++) memory.remember(`d${day}-${i}`, [posting(`r${day}-${i}`)], day * DAY);
      sweepUntil(memory, day * DAY, day * DAY + HOUR);
    }
    // 100 texts a day: those of days 53 to 59 are within the last 7 days.
    expect(store.size()).toBe(7 * 100);
  });

  it('sweeps in slices, spread so that a pass over everything takes about an hour', () => {
    const store = new InMemoryKeyValueStore();
    const memory = new TextMemoryStore(store, 30 * DAY, 10);
    for (let i = 0; i < 25; i++) memory.remember(`k${i}`, [posting(`r${i}`)], 0);
    expect(memory.sweep(0)).toBe(HOUR / 3); // 25 texts, 10 a slice: 3 slices an hour
    // Once due, the slices come sooner while many are left: all 25 gone within an hour and a half.
    expect(sweepUntil(memory, 30 * DAY, 30 * DAY + 2 * HOUR)).toBe(3);
    expect(store.size()).toBe(0);
  });

  it('deletes what an older version kept forever (a bare hash → the first review id) and ignores it meanwhile', () => {
    const store = new InMemoryKeyValueStore();
    store.put('0123456789abcdef0123456789ab', { firstId: 'r1' });
    store.put('fedcba9876543210fedcba987654', { firstId: 'r2' });
    const memory = new TextMemoryStore(store, DAY);
    expect(memory.postsOf('0123456789abcdef0123456789ab', 0)).toEqual([]);
    memory.remember('k', [posting('r3')], 0);
    memory.sweep(10);
    expect([...store.entries()].map(([key]) => key)).toEqual(['text:k']);
  });
});
