import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LockTimeoutError, withExclusiveLock } from './exclusive-lock.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-lock-'));
  folders.push(dir);
  return dir;
}

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(child.stdout.trim());
}

describe('the exclusive lock between processes', () => {
  it('lets one process at a time through: four processes adding 1 fifteen times each count to 60', async () => {
    const dir = folder();
    const counter = join(dir, 'counter');
    writeFileSync(counter, '0');
    const child = join(import.meta.dirname, 'exclusive-lock.child.ts');
    const exits = await Promise.all(
      [1, 2, 3, 4].map(
        () =>
          new Promise<number | null>((done) =>
            spawn(process.execPath, ['--import', 'tsx', child, join(dir, 'lock'), counter, '15'], { stdio: 'inherit' }).once('exit', done),
          ),
      ),
    );
    expect(exits).toEqual([0, 0, 0, 0]);
    expect(readFileSync(counter, 'utf8')).toBe('60');
  }, 60_000);

  it('breaks a lock left by a process that died, and removes its own when done', async () => {
    const lock = join(folder(), 'lock');
    writeFileSync(lock, JSON.stringify({ pid: deadPid() }));
    expect(await withExclusiveLock(lock, () => 'got it', 2000)).toBe('got it');
    expect(existsSync(lock)).toBe(false);
  });

  it('waits for a live holder and gives up with a clear error after the timeout', async () => {
    const lock = join(folder(), 'lock');
    writeFileSync(lock, JSON.stringify({ pid: process.pid }));
    await expect(withExclusiveLock(lock, () => 'never', 300)).rejects.toThrow(LockTimeoutError);
    expect(existsSync(lock)).toBe(true);
  });

  it('releases the lock when the work throws', async () => {
    const lock = join(folder(), 'lock');
    await expect(
      withExclusiveLock(lock, () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(existsSync(lock)).toBe(false);
  });
});
