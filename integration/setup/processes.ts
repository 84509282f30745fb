import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runtimeArgs } from '../../tools/runtime-bundle.mjs';

export const repoRoot = resolve(import.meta.dirname, '../..');

/** The pids of running processes whose command line contains `needle` (Linux /proc). */
export function processesMentioning(needle: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(join('/proc', entry, 'cmdline'), 'utf8').replaceAll('\0', ' ');
      if (cmdline.includes(needle)) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

export async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((done) => setTimeout(done, 100));
  }
  return check();
}

/** Every CLI process a test started, so a failing test leaves none behind (see killSpawned). */
const spawnedProcesses: ChildProcess[] = [];

export function killSpawned(): void {
  for (const child of spawnedProcesses.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** Runs the Sluice CLI as `npm start` does (bundled, without npm in between) and collects its output. */
export function spawnSluice(args: string[], env: Record<string, string>): { child: ChildProcess; output: () => string } {
  return spawnNode([...runtimeArgs(repoRoot), ...args], env);
}

/** Runs a TypeScript entry point of the repository in a process of its own and collects its output. */
export function spawnTypeScript(entry: string, args: string[], env: Record<string, string>): { child: ChildProcess; output: () => string } {
  return spawnNode(['--import', 'tsx', join(repoRoot, entry), ...args], env);
}

function spawnNode(nodeArgs: string[], env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, nodeArgs, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  spawnedProcesses.push(child);
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return { child, output: () => output };
}

export function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((done) => child.once('exit', (code) => done(code)));
}
