import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { processRef, ServiceFolder } from './service-folder.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function serviceFolder(): ServiceFolder {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-folder-'));
  dirs.push(dir);
  return new ServiceFolder('kafka', dir);
}

const deadPid = () => Number(spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim());

describe('a service folder', () => {
  it('keeps the leases of running processes and removes those of processes that are gone', () => {
    const folder = serviceFolder();
    folder.writeLease();
    const gone = deadPid();
    folder.writeLease(gone, 'sluice run (killed)');
    const { live, pruned } = folder.pruneLeases();
    expect(live.map((lease) => lease.pid)).toEqual([process.pid]);
    expect(pruned.map((lease) => lease.pid)).toEqual([gone]);
    expect(folder.leases().map((lease) => lease.pid)).toEqual([process.pid]);
  });

  it('does not take a reused pid for the process that held a lease: the start time differs', () => {
    const folder = serviceFolder();
    folder.ensure();
    // Our pid, but a start time that is not ours: the lease's process is gone and its pid was reused.
    writeFileSync(join(folder.dir, 'leases', String(process.pid)), JSON.stringify({ pid: process.pid, startTime: '1', command: 'old' }));
    expect(folder.pruneLeases().live).toEqual([]);
  });

  it('answers only for a supervisor that still runs', () => {
    const folder = serviceFolder();
    expect(folder.liveState()).toBeUndefined();
    folder.writeState({ kind: 'kafka', ...processRef(deadPid()), phase: 'ready', servicePids: [] });
    expect(folder.readState()?.phase).toBe('ready');
    expect(folder.liveState()).toBeUndefined();
    folder.writeState({ kind: 'kafka', ...processRef(process.pid), phase: 'ready', servicePids: [] });
    expect(folder.liveState()?.pid).toBe(process.pid);
  });
});
