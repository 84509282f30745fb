import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimerQueue } from './timer-queue.ts';

describe('the timer queue', () => {
  it('hands out due timers earliest first, whatever the order they were scheduled in', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 200 }), (times) => {
        const queue = new TimerQueue();
        for (const at of times) queue.schedule('s', at);
        const fired: number[] = [];
        for (let due = queue.popDue(500); due; due = queue.popDue(500)) fired.push(due.at);
        const expected = [...new Set(times.filter((at) => at <= 500))].sort((a, b) => a - b);
        expect(fired).toEqual(expected);
        expect(queue.peek()).toBe([...new Set(times.filter((at) => at > 500))].sort((a, b) => a - b)[0]);
      }),
    );
  });
});
