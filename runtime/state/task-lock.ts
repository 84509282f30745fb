// One process at a time holds a task's folder: a LOCK file with its pid, created
// exclusively. A lock whose process is gone (SIGKILL, a crash) is taken over; one
// held by a live process (another worker on this machine, or an instance of the
// task in this process that is still closing) is not.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from '../local/process-alive.ts';

const LOCK = 'LOCK';

function create(path: string): boolean {
  try {
    const fd = openSync(path, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function holder(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Locks `folder` (which must exist) for this process; returns the release, or undefined when a live process holds it. */
export function lockFolder(folder: string): (() => void) | undefined {
  const path = join(folder, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (create(path)) return () => rmSync(path, { force: true });
    const pid = holder(path);
    if (pid !== undefined && (pid === process.pid || isAlive(pid))) return undefined;
    rmSync(path, { force: true }); // its process is gone (or the file is unreadable): the folder is free
  }
  return undefined;
}
