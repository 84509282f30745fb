import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StateDirectory } from './state-directory.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sluice-state-test-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('a task store on disk (LMDB)', () => {
  it('reads its own writes before and after they are flushed, deletes included', async () => {
    const directory = new StateDirectory(root);
    const store = directory.openTask('0_1').openStore('versions');
    store.put('a', { version: 1 });
    store.put('b', { version: 2 });
    store.delete('a');
    expect(store.get('a')).toBeUndefined();
    expect(store.get('b')).toEqual({ version: 2 });
    store.flush();
    expect(store.get('a')).toBeUndefined();
    expect(store.get('b')).toEqual({ version: 2 });
    store.put('b', { version: 3 });
    expect(store.get('b')).toEqual({ version: 3 });
    await directory.close();
  });

  it('ranges in key order over flushed and pending writes, with the end excluded', async () => {
    const directory = new StateDirectory(root);
    const store = directory.openTask('0_1').openStore('rows');
    for (const key of ['row:b', 'settled:x', 'row:a', 'clock']) store.put(key, key.length);
    store.flush();
    store.put('row:c', 5);
    store.delete('row:a');
    expect([...store.range('row:', 'row;')]).toEqual([
      ['row:b', 5],
      ['row:c', 5],
    ]);
    expect(store.size()).toBe(4);
    expect(store.approxBytes()).toBeGreaterThan(0);
    await directory.close();
  });

  it('holds more entries than one flush without losing any', async () => {
    const directory = new StateDirectory(root);
    const store = directory.openTask('0_1').openStore('rows');
    for (let i = 0; i < 25_000; i++) store.put(`k${i}`, { i });
    expect(store.get('k0')).toEqual({ i: 0 });
    expect(store.get('k24999')).toEqual({ i: 24_999 });
    expect(store.size()).toBe(25_000);
    await directory.close();
  });

  it('keeps the files of a task across instances, and gives an instance that finds them held a fresh folder of its own', async () => {
    const directory = new StateDirectory(root);
    const first = directory.openTask('0_1');
    expect(first.kept).toBe(true);
    first.openStore('rows').put('a', 1);
    first.writeCheckpoint({ identity: 'x', writtenAt: Date.now(), offsets: { 'c:0': 1 } });
    const second = directory.openTask('0_1');
    expect(second.kept).toBe(false);
    expect(second.openStore('rows').get('a')).toBeUndefined();
    await second.close();
    await first.close();
    const again = directory.openTask('0_1');
    expect(again.kept).toBe(true);
    const rows = again.openStore('rows');
    expect(again.checkpoint()?.offsets).toEqual({ 'c:0': 1 });
    expect(rows.get('a')).toBe(1);
    await directory.close();
    expect(readdirSync(root)).toEqual(['tasks']);
  });

  it('removes the folders of processes that are gone, and keeps those of live ones', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)']).stdout.toString().trim();
    mkdirSync(join(root, `${dead}-abcd1234`, '0_1.1'), { recursive: true });
    mkdirSync(join(root, `${process.ppid}-abcd1234`), { recursive: true });
    const directory = new StateDirectory(root);
    expect(existsSync(join(root, `${dead}-abcd1234`))).toBe(false);
    expect(existsSync(join(root, `${process.ppid}-abcd1234`))).toBe(true);
    await directory.close();
  });
});
