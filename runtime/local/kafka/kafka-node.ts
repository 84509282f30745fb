// One local KRaft node's JVM: started under the watchdog (which stops it when its owner goes
// away, even after a SIGKILL), watched until it accepts clients, and stopped or killed on request.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { isAlive } from '../process-alive.ts';
import { projectFile } from '../project-root.ts';
import { BrokerStartError } from './errors.ts';

const watchdog = projectFile('runtime/local/watchdog.mjs');
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export interface NodeFiles {
  nodeId: number;
  port: number;
  /** Holds server.properties, log4j2.properties, broker.log and logs/. */
  dir: string;
  libs: string;
  heap: string;
}

export function tail(file: string, lines = 30): string {
  if (!existsSync(file)) return '(no broker log was written)';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

export function javaArgs(libs: string, heap: string, configDir: string): string[] {
  return [
    `-Xmx${heap}`,
    '-Xms128m',
    '-XX:+UseG1GC',
    '-XX:TieredStopAtLevel=1',
    '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${join(configDir, 'log4j2.properties')}`,
    '-cp',
    join(libs, '*'),
  ];
}

/** Formats the node's storage once, with the cluster's id (every node of a cluster must share it). */
export function formatStorage(files: NodeFiles, clusterId: string): void {
  execFileSync(
    'java',
    [
      ...javaArgs(files.libs, files.heap, files.dir),
      'kafka.tools.StorageTool',
      'format',
      `--cluster-id=${clusterId}`,
      '-c',
      join(files.dir, 'server.properties'),
      '--ignore-formatted',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

export function canConnect(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = new Socket();
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
    socket.connect(port, '127.0.0.1');
  });
}

/** A node's JVM, started by start() and watched until it exits. */
export class KafkaNode {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private stderr = '';
  private jvmPid: number | undefined;
  /** Set by stop() and kill(): the exit that follows was asked for. */
  private exitRequested = false;
  private readonly exitListeners: ((description: string) => void)[] = [];

  constructor(readonly files: NodeFiles) {}

  get nodeId(): number {
    return this.files.nodeId;
  }

  get port(): number {
    return this.files.port;
  }

  get logFile(): string {
    return join(this.files.dir, 'broker.log');
  }

  /** The JVM's pid while it runs (the watchdog in between reports it). */
  get pid(): number | undefined {
    return this.running ? this.jvmPid : undefined;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Called when the JVM exits by itself (not through stop() or kill()), with how it ended. */
  onUnexpectedExit(listener: (description: string) => void): void {
    this.exitListeners.push(listener);
  }

  async start(timeoutMs = 90_000): Promise<void> {
    if (this.running) return;
    writeFileSync(this.logFile, '');
    const pidFile = join(this.files.dir, 'jvm.pid');
    rmSync(pidFile, { force: true });
    const child = spawn(
      process.execPath,
      [
        watchdog,
        '--pid-file',
        pidFile,
        'java',
        ...javaArgs(this.files.libs, this.files.heap, this.files.dir),
        'kafka.Kafka',
        join(this.files.dir, 'server.properties'),
      ],
      // Its own process group: Ctrl-C goes to the owner, which stops the node in order.
      { stdio: ['pipe', 'ignore', 'pipe'], detached: true },
    );
    this.child = child;
    this.stderr = '';
    this.jvmPid = undefined;
    this.exitRequested = false;
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-4000);
    });
    this.exited = new Promise<void>((done) =>
      child.once('exit', (code, signal) => {
        done();
        if (!this.exitRequested && this.child === child) for (const listener of this.exitListeners) listener(signal ?? `code ${code}`);
      }),
    );
    try {
      await this.waitUntilStarted(child, pidFile, timeoutMs);
    } catch (error) {
      await this.stop();
      if (error instanceof BrokerStartError && this.stderr) throw new BrokerStartError(error.message, `${error.logTail}\n${this.stderr}`);
      throw error;
    }
  }

  /** A controlled shutdown: the watchdog sends SIGTERM, and SIGKILL after its grace period. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.exitRequested = true;
    this.child?.stdin?.end();
    await this.exited;
  }

  /** Kills the JVM with `signal` (SIGKILL: a crash) and waits until the watchdog saw it go. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!this.running) return;
    this.exitRequested = true;
    const pid = this.jvmPid;
    if (pid !== undefined && isAlive(pid)) process.kill(pid, signal);
    else this.child?.kill(signal);
    await this.exited;
  }

  private async waitUntilStarted(child: ChildProcess, pidFile: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exited: string | undefined;
    child.once('exit', (code, signal) => {
      exited = `broker ${this.nodeId} exited (${signal ?? `code ${code}`})`;
    });
    while (Date.now() < deadline) {
      if (exited) throw new BrokerStartError(exited, tail(this.logFile));
      if (this.jvmPid === undefined && existsSync(pidFile)) this.jvmPid = Number(readFileSync(pidFile, 'utf8')) || undefined;
      const started = existsSync(this.logFile) && /Kafka Server started/.test(readFileSync(this.logFile, 'utf8'));
      if (started && this.jvmPid !== undefined && (await canConnect(this.port))) return;
      await sleep(100);
    }
    throw new BrokerStartError(`broker ${this.nodeId} did not start within ${timeoutMs / 1000}s`, tail(this.logFile));
  }
}
