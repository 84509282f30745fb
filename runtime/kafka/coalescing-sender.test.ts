import { describe, expect, it } from 'vitest';
import { CoalescingSender } from './coalescing-sender.ts';

/** A write that waits until released, recording what it was given. */
function gatedWrites() {
  const writes: string[][] = [];
  const gates: (() => void)[] = [];
  const failures = new Set<number>();
  let inFlight = 0;
  let mostInFlight = 0;
  const write = async (messages: string[]) => {
    const index = writes.push(messages) - 1;
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    await new Promise<void>((done) => gates.push(done));
    inFlight--;
    if (failures.has(index)) throw new Error(`write ${index} failed`);
  };
  const release = async () => {
    await new Promise((done) => setTimeout(done, 0));
    gates.shift()?.();
    await new Promise((done) => setTimeout(done, 0));
  };
  return { write, writes, release, failures, mostInFlight: () => mostInFlight };
}

const sizeOf = (messages: string[]) => messages.join('').length;

describe('one write in flight at a time, the waiting ones sent together', () => {
  it('sends what arrives during a write in one next write, in order, never two at once', async () => {
    const gated = gatedWrites();
    const sender = new CoalescingSender(gated.write, () => 1000, sizeOf);
    const first = sender.send({ messages: ['a'], abandoned: false });
    const rest = [sender.send({ messages: ['b'], abandoned: false }), sender.send({ messages: ['c', 'd'], abandoned: false })];
    await gated.release();
    await first;
    await gated.release();
    await Promise.all(rest);
    expect(gated.writes).toEqual([['a'], ['b', 'c', 'd']]);
    expect(gated.mostInFlight()).toBe(1);
  });

  it('fails the callers of a failed write only, and goes on with the next ones', async () => {
    const gated = gatedWrites();
    gated.failures.add(1);
    const sender = new CoalescingSender(gated.write, () => 1000, sizeOf);
    const first = sender.send({ messages: ['a'], abandoned: false });
    const second = sender.send({ messages: ['b'], abandoned: false });
    const outcome = second.then(
      () => 'written',
      (error: Error) => error.message,
    );
    await gated.release();
    await first;
    const third = sender.send({ messages: ['c'], abandoned: false });
    await gated.release();
    expect(await outcome).toBe('write 1 failed');
    await gated.release();
    await third;
    expect(gated.writes).toEqual([['a'], ['b'], ['c']]);
  });

  it('keeps a write within the byte limit, and never sends what its caller gave up on', async () => {
    const gated = gatedWrites();
    const sender = new CoalescingSender(gated.write, () => 4, sizeOf);
    const first = sender.send({ messages: ['aa'], abandoned: false });
    const gaveUp = { messages: ['xx'], abandoned: false };
    const abandoned = sender.send(gaveUp).catch(() => 'not sent');
    const later = [sender.send({ messages: ['bbb'], abandoned: false }), sender.send({ messages: ['c'], abandoned: false })];
    const big = sender.send({ messages: ['dddddd'], abandoned: false });
    gaveUp.abandoned = true;
    for (let i = 0; i < 3; i++) await gated.release();
    await Promise.all([first, ...later, big]);
    expect(await abandoned).toBe('not sent');
    expect(gaveUp.abandoned && !('taken' in gaveUp)).toBe(true); // never part of a write: not stored
    expect(gated.writes).toEqual([['aa'], ['bbb', 'c'], ['dddddd']]);
  });
});
