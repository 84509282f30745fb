// A Sluice process the bench starts (a worker, a runtime): its log as events, its
// memory and CPU from /proc, a polite stop (SIGTERM: drain, and write the CPU
// profile when asked for one) and a hard kill (SIGKILL).
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from '../../runtime/local/project-root.ts';
import { runtimeArgs, runtimeEntry } from '../../tools/runtime-bundle.mjs';
import { type ProcessMemory, processCpuSeconds, processMemory } from './proc-stats.ts';
import { parseWorkerLine, type WorkerEvent } from './worker-log.ts';

export interface ChildOptions {
  /** A TypeScript entry point under the repository, e.g. runtime/cli/main.ts. */
  entry: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Names the CPU profile and the lines echoed on problems. */
  label: string;
  /** Flags for node itself, e.g. --expose-gc. */
  nodeArgs?: string[];
  /** Write .cpuprofile files into <profileDir>/<label>/ when the process exits normally. */
  profileDir?: string;
  onLine?: (line: string) => void;
  /** Pin the process, every thread of it, to this CPU (Linux' taskset, which execs node in the same process). */
  cpu?: number;
}

const running = new Set<ChildProcess>();
// A bench that dies leaves no worker behind: the children are killed with it.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export class SluiceProcess {
  readonly events: WorkerEvent[] = [];
  readonly pid: number;
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private readonly tail: string[] = [];

  constructor(readonly options: ChildOptions) {
    // One folder per process: node writes a profile per thread (tsx's loader hooks run in one of their own).
    const profile = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${join(options.profileDir, options.label)}`] : [];
    // The runtime runs bundled, as `npm start` runs it; the bench's own children through tsx.
    const script = options.entry === runtimeEntry ? runtimeArgs(repoRoot) : ['--import', 'tsx', join(repoRoot, options.entry)];
    const node = [process.execPath, ...(options.nodeArgs ?? []), ...profile, ...script, ...options.args];
    const command = options.cpu === undefined ? node : ['taskset', '--cpu-list', String(options.cpu), ...node];
    this.child = spawn(command[0] as string, command.slice(1), {
      cwd: repoRoot,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (this.child.pid === undefined) throw new Error(`could not start ${options.label}`);
    this.pid = this.child.pid;
    running.add(this.child);
    this.exited = new Promise((done) =>
      this.child.once('exit', (code) => {
        running.delete(this.child);
        done(code);
      }),
    );
    for (const stream of [this.child.stdout, this.child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on('line', (line) => {
        this.tail.push(line);
        if (this.tail.length > 40) this.tail.shift();
        const event = parseWorkerLine(line);
        if (event) this.events.push(event);
        options.onLine?.(line);
      });
    }
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  memory(): ProcessMemory | undefined {
    return processMemory(this.pid);
  }

  cpuSeconds(): number | undefined {
    return processCpuSeconds(this.pid);
  }

  /** The last lines it printed, for error messages. */
  lastLines(): string {
    return this.tail.join('\n');
  }

  /** SIGTERM: the worker drains its batch in flight and exits (writing its CPU profile); SIGKILL after `graceMs`. */
  async stop(graceMs = 30_000): Promise<void> {
    if (!this.alive) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** SIGKILL, as a crash: nothing is drained, nothing is committed. */
  async kill(): Promise<void> {
    if (!this.alive) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Polls `ready` until it holds; fails with the processes' last lines when one exits or time runs out. */
export async function waitUntil(ready: () => boolean, processes: SluiceProcess[], timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!ready()) {
    const dead = processes.find((candidate) => !candidate.alive);
    if (dead) throw new Error(`${dead.options.label} exited while waiting for ${what}:\n${dead.lastLines()}`);
    if (performance.now() > deadline)
      throw new Error(
        `no ${what} within ${timeoutMs / 1000}s:\n${processes.map((p) => `--- ${p.options.label}\n${p.lastLines()}`).join('\n')}`,
      );
    await sleep(50);
  }
}
