// A lock between processes: a file created with O_EXCL that holds its owner's pid and start
// time. Held only for short critical sections (attach, detach, the decision to stop). A lock
// left by a process that died is stale and broken, under a second lock of its own so that two
// processes that both find it stale cannot remove each other's fresh lock.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { isSameProcessAlive, processStartTime } from '../process-alive.ts';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function ownerText(): string {
  return JSON.stringify({ pid: process.pid, startTime: processStartTime(process.pid) });
}

/** Creates the file if it does not exist; false if it does. */
function createExclusive(file: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Whether the lock file's owner is gone. An unreadable or half-written file is not stale: its writer may be mid-write. */
function isStale(text: string | undefined): boolean {
  if (!text) return false;
  try {
    const owner = JSON.parse(text) as { pid: number; startTime?: string };
    return !isSameProcessAlive(owner.pid, owner.startTime);
  } catch {
    return false;
  }
}

/** Removes the lock only if it still holds the stale content seen, under a breaker lock. */
function breakStale(file: string, seen: string): void {
  const breaker = `${file}.break`;
  if (!createExclusive(breaker, ownerText())) {
    // A breaker that died inside these few lines leaves its file: remove it when its owner is gone.
    if (isStale(readText(breaker))) rmSync(breaker, { force: true });
    return;
  }
  try {
    if (readText(file) === seen) rmSync(file, { force: true });
  } finally {
    rmSync(breaker, { force: true });
  }
}

export class LockTimeoutError extends Error {}

/** Runs `work` while holding the lock file; waits for it up to `timeoutMs`. */
export async function withExclusiveLock<T>(file: string, work: () => Promise<T> | T, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  const mine = ownerText();
  let delay = 5;
  while (!createExclusive(file, mine)) {
    const held = readText(file);
    if (isStale(held) && held !== undefined) breakStale(file, held);
    else if (Date.now() > deadline) throw new LockTimeoutError(`the lock ${file} has been held for ${timeoutMs / 1000}s by ${held ?? '?'}`);
    else await sleep(delay);
    delay = Math.min(delay * 2, 100);
  }
  try {
    return await work();
  } finally {
    if (readText(file) === mine) rmSync(file, { force: true });
  }
}
