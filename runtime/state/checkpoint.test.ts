import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHECKPOINT_MAX_AGE_MS, parseCheckpoint, resumeOffsets, storedCheckpoint } from './checkpoint.ts';
import { StateDirectory } from './state-directory.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sluice-checkpoint-test-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const now = Date.UTC(2026, 11, 1);
const ends = new Map([
  ['c:0', { low: 0, high: 100 }],
  ['c:1', { low: 0, high: 50 }],
]);

describe('a checkpoint of local state', () => {
  it('resumes each changelog partition where the files are up to', () => {
    const checkpoint = { identity: 'id', writtenAt: now, offsets: { 'c:0': 80, 'c:1': 50 } };
    expect(resumeOffsets(parseCheckpoint(storedCheckpoint(checkpoint)), 'id', ['c:0', 'c:1'], ends, now)).toEqual(
      new Map([
        ['c:0', 80],
        ['c:1', 50],
      ]),
    );
  });

  it("carries the task's counters record as of its offsets", () => {
    const checkpoint = { identity: 'id', writtenAt: now, offsets: { 'c:0': 80 }, counters: '{"task":"t","version":0}' };
    expect(parseCheckpoint(storedCheckpoint(checkpoint))).toEqual(checkpoint);
    expect(parseCheckpoint({ ...storedCheckpoint(checkpoint), counters: 42 })).toBeUndefined();
  });

  it('is not used when unreadable, of another task or version, missing a partition, past the end, or too old', () => {
    const good = { identity: 'id', writtenAt: now, offsets: { 'c:0': 80, 'c:1': 50 } };
    expect(parseCheckpoint('{"garbage"')).toBeUndefined();
    expect(parseCheckpoint({ ...storedCheckpoint(good), version: 99 })).toBeUndefined();
    expect(parseCheckpoint({ ...storedCheckpoint(good), offsets: { 'c:0': -1 } })).toBeUndefined();
    expect(resumeOffsets(good, 'another', ['c:0', 'c:1'], ends, now)).toBeUndefined();
    expect(resumeOffsets({ ...good, offsets: { 'c:0': 80 } }, 'id', ['c:0', 'c:1'], ends, now)).toBeUndefined();
    // The changelog was made anew (a reset, or the pipeline deleted and deployed again): it is shorter than the files.
    expect(resumeOffsets({ ...good, offsets: { 'c:0': 101, 'c:1': 50 } }, 'id', ['c:0', 'c:1'], ends, now)).toBeUndefined();
    expect(resumeOffsets(good, 'id', ['c:0', 'c:1'], new Map([...ends, ['c:0', { low: 90, high: 100 }]]), now)).toBeUndefined();
    expect(resumeOffsets(good, 'id', ['c:0', 'c:1'], ends, now + CHECKPOINT_MAX_AGE_MS + 1)).toBeUndefined();
  });
});

describe('local state and its journal', () => {
  it('puts back what a batch changed after the last checkpoint, so the files match it again', async () => {
    const directory = new StateDirectory(root);
    const task = directory.openTask('t.0.0');
    const store = task.openStore('versions');
    store.put('kept', 1);
    store.put('changed', 1);
    task.writeCheckpoint({ identity: 'id', writtenAt: now, offsets: { 'c:0': 2 } });
    // A batch flushed (a large one does so part way) and then never committed: a crash, or a failed commit.
    store.put('changed', 2);
    store.put('added', 3);
    store.delete('kept');
    store.flush();
    store.put('changed', 4);
    store.flush();
    await task.close();

    const reopened = directory.openTask('t.0.0');
    const again = reopened.openStore('versions');
    expect(reopened.checkpoint()?.offsets).toEqual({ 'c:0': 2 });
    expect([...again.entries()].sort()).toEqual([
      ['changed', 1],
      ['kept', 1],
    ]);
    await directory.close();
  });

  it('empties the stores and forgets the checkpoint when discarded', async () => {
    const directory = new StateDirectory(root);
    const task = directory.openTask('t.0.0');
    const store = task.openStore('versions');
    store.put('a', 1);
    task.writeCheckpoint({ identity: 'id', writtenAt: now, offsets: { 'c:0': 1 } });
    task.discard();
    expect(store.get('a')).toBeUndefined();
    expect(task.checkpoint()).toBeUndefined();
    await directory.close();
  });

  it('starts afresh from files LMDB cannot read', async () => {
    const folder = join(root, 'tasks', 't.0.0');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'stores.mdb'), 'not an LMDB file at all, not even close');
    const next = new StateDirectory(root);
    const task = next.openTask('t.0.0');
    const store = task.openStore('versions');
    expect(task.checkpoint()).toBeUndefined();
    store.put('a', 1);
    expect(store.get('a')).toBe(1);
    await next.close();
  });
});
