import { describe, expect, it } from 'vitest';
import type { InboundRecord } from './driver-task.ts';
import { type FedTask, TaskFeed } from './task-feed.ts';
import type { CommitOutcome } from './task-handle.ts';

const record = (offset: number, partition = 0): InboundRecord => ({
  topic: 'in',
  partition,
  offset,
  key: null,
  value: String(offset),
  timestamp: 0,
  headers: {},
});
const records = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => record(from + i));

/** A task whose commits the test releases one by one, recording what each batch held. */
class ScriptedTask implements FedTask {
  state = 'running';
  starting = false;
  next = 0;
  batches: number[][] = [];
  outcomes: CommitOutcome[] = [];
  private release: (() => void)[] = [];
  private chain: Promise<unknown> = Promise.resolve();

  expectedOffset(): number {
    return this.next;
  }
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work);
    this.chain = run.catch(() => {});
    return run;
  }
  async processBatch(batch: InboundRecord[]): Promise<CommitOutcome> {
    this.batches.push(batch.map((r) => r.offset));
    await new Promise<void>((done) => this.release.push(done));
    const outcome = this.outcomes.shift() ?? 'committed';
    if (outcome === 'committed') this.next = (batch.at(-1)?.offset ?? -1) + 1;
    return outcome;
  }
  /** Lets the oldest pending commit finish, and waits for the feed to react. */
  async commitOne(): Promise<void> {
    while (this.release.length === 0) await tick();
    this.release.shift()?.();
    await tick();
  }
}

const tick = () => new Promise((done) => setTimeout(done, 0));

describe('a task feed', () => {
  it('commits a lone record at once, and what arrives meanwhile in one next transaction', async () => {
    const task = new ScriptedTask();
    const feed = new TaskFeed(task, { rewind: () => {} });
    feed.push([record(0)]);
    await tick();
    expect(task.batches).toEqual([[0]]);
    feed.push(records(1, 3));
    feed.push(records(3, 5));
    await task.commitOne();
    expect(task.batches).toEqual([[0], [1, 2, 3, 4]]);
    await task.commitOne();
    await feed.idle();
    expect(task.next).toBe(5);
  });

  it('drops what is queued after a batch that did not commit and rewinds to the committed offset', async () => {
    const task = new ScriptedTask();
    const rewinds: number[] = [];
    const feed = new TaskFeed(task, { rewind: (_topic, _partition, offset) => rewinds.push(offset) });
    feed.push(records(0, 2));
    await tick();
    await task.commitOne(); // 0-1 committed
    task.outcomes.push('retry');
    feed.push(records(2, 4));
    await tick();
    feed.push(records(4, 6)); // queued behind the batch that fails
    await task.commitOne();
    expect(rewinds).toEqual([2]);
    expect(feed.queued).toBe(0);
    feed.push(records(2, 6)); // fetched again from the rewind
    await task.commitOne();
    await feed.idle();
    expect(task.batches).toEqual([
      [0, 1],
      [2, 3],
      [2, 3, 4, 5],
    ]);
    expect(task.next).toBe(6);
  });

  it('queues nothing twice when a fetch overlaps the last one, and skips what the task committed before', async () => {
    const task = new ScriptedTask();
    task.next = 3; // committed by the previous owner
    const feed = new TaskFeed(task, { rewind: () => {} });
    feed.push(records(0, 5)); // its transaction begins at once
    feed.push(records(2, 7)); // a seek elsewhere fetched 2-4 again
    await task.commitOne();
    await task.commitOne();
    await feed.idle();
    expect(task.batches).toEqual([
      [3, 4],
      [5, 6],
    ]);
  });

  it('keeps records while the task is claimed and restored, and processes them once it runs', async () => {
    const task = new ScriptedTask();
    task.starting = true;
    const feed = new TaskFeed(task, { rewind: () => {} });
    feed.push(records(0, 3));
    await new Promise((done) => setTimeout(done, 50));
    expect(task.batches).toEqual([]);
    task.starting = false;
    await task.commitOne();
    expect(task.batches).toEqual([[0, 1, 2]]);
  });

  it('holds the consumer while too much is queued, and lets it go once the task took it', async () => {
    const task = new ScriptedTask();
    const feed = new TaskFeed(task, { rewind: () => {}, maxQueued: 3, maxBatch: 2 });
    feed.push([record(0)]);
    await tick();
    feed.push(records(1, 5));
    let room = false;
    void feed.roomFor().then(() => {
      room = true;
    });
    await tick();
    expect(room).toBe(false);
    await task.commitOne(); // takes 1-2: two left
    expect(room).toBe(true);
    expect(task.batches).toEqual([[0], [1, 2]]);
  });

  it('forgets what is queued when closed, and never rewinds for a task it no longer feeds', async () => {
    const task = new ScriptedTask();
    const rewinds: number[] = [];
    const feed = new TaskFeed(task, { rewind: (_t, _p, offset) => rewinds.push(offset) });
    task.outcomes.push('retry');
    feed.push(records(0, 2));
    await tick();
    feed.push(records(2, 4));
    feed.close();
    await task.commitOne();
    await feed.idle();
    expect(task.batches).toEqual([[0, 1]]);
    expect(rewinds).toEqual([]);
    feed.push(records(4, 6));
    expect(feed.queued).toBe(0);
  });
});
