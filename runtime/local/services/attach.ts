// The clients' side of a supervised local service: take a lease, find the running supervisor or
// start one (never two: the decision is made under the folder's lock), wait until the service is
// ready, and give the lease back at the end. Until then, a supervisor that dies is replaced.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { projectFile, repoRoot } from '../project-root.ts';
import { withExclusiveLock } from './exclusive-lock.ts';
import { isRunning, type ProcessRef, processRef, type ServiceEndpoint, ServiceFolder, type ServiceKind } from './service-folder.ts';
import type { SupervisorOptions } from './supervisor.ts';

/** How the messages name a service. */
const labels = { kafka: 'Kafka', postgres: 'PostgreSQL' } as const;

// A TypeScript entry of its own (through tsx): it outlives the process that started it.
const supervisorFile = projectFile('runtime/local/services/supervisor.ts');
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The service did not come up; `detail` holds what its supervisor or its own log said. */
export class ServiceStartError extends Error {
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

export interface AttachOptions {
  kind: ServiceKind;
  /** The service's data folder (.data/kafka, .data/postgres …). */
  dataDir: string;
  /** Used only when this process starts the supervisor; a running one keeps its own. */
  supervisor: SupervisorOptions;
  say: (line: string) => void;
  timeoutMs?: number;
}

export interface AttachedService {
  endpoint: ServiceEndpoint;
  /** Whether this process started the supervisor (false: the service was already running). */
  started: boolean;
  /** Gives the lease back; when it was the last one, waits until the service has stopped. */
  release(): Promise<void>;
}

function logTail(file: string, lines = 30): string {
  return existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '';
}

async function untilGone(ref: ProcessRef, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isRunning(ref)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

function spawnSupervisor(folder: ServiceFolder, options: SupervisorOptions): ProcessRef {
  folder.ensure();
  const log = openSync(folder.logFile, 'a');
  try {
    // Detached: a session of its own, so Ctrl-C in the terminal reaches the clients, never the services.
    const child = spawn(process.execPath, ['--import', 'tsx', supervisorFile, folder.kind, folder.dataDir, JSON.stringify(options)], {
      cwd: repoRoot,
      detached: true,
      stdio: ['ignore', log, log],
    });
    child.unref();
    if (child.pid === undefined) throw new ServiceStartError(`could not start the ${folder.kind} supervisor`);
    return processRef(child.pid);
  } finally {
    closeSync(log);
  }
}

type Step = { kind: 'wait-ready'; supervisor: ProcessRef; started: boolean } | { kind: 'wait-exit'; supervisor: ProcessRef };

/** Under the lock: the running supervisor, or a new one when none runs. */
function chooseStep(folder: ServiceFolder, options: SupervisorOptions): Step {
  const state = folder.liveState();
  if (state?.phase === 'stopping') return { kind: 'wait-exit', supervisor: state };
  if (state) return { kind: 'wait-ready', supervisor: state, started: false };
  // The previous supervisor's processes (if it was killed) may still be stopping: the new one waits for them.
  const previousPids = folder.readState()?.servicePids ?? [];
  const supervisor = spawnSupervisor(folder, options);
  folder.writeState({ kind: folder.kind, ...supervisor, phase: 'starting', servicePids: [], previousPids });
  return { kind: 'wait-ready', supervisor, started: true };
}

async function untilReady(folder: ServiceFolder, supervisor: ProcessRef, deadline: number): Promise<ServiceEndpoint | 'stopping'> {
  for (;;) {
    const state = folder.readState();
    if (state?.pid === supervisor.pid) {
      if (state.phase === 'ready' && state.endpoint) return state.endpoint;
      if (state.phase === 'failed') throw new ServiceStartError(state.error?.message ?? 'it failed', state.error?.detail);
      if (state.phase === 'stopping') return 'stopping';
    }
    if (!isRunning(supervisor)) throw new ServiceStartError(`its supervisor exited`, logTail(folder.logFile));
    if (Date.now() > deadline) throw new ServiceStartError(`it was not ready in time`, logTail(folder.logFile));
    await sleep(100);
  }
}

async function attachOnce(
  folder: ServiceFolder,
  options: AttachOptions,
): Promise<{ endpoint: ServiceEndpoint; started: boolean; supervisor: ProcessRef }> {
  const deadline = Date.now() + (options.timeoutMs ?? 180_000);
  for (;;) {
    // The lease first: a supervisor deciding whether to stop sees it, or has already said it is stopping.
    folder.writeLease();
    const step = await withExclusiveLock(folder.lockFile, () => chooseStep(folder, options.supervisor));
    if (step.kind === 'wait-exit') {
      options.say(`the local ${labels[folder.kind]} of ${folder.dataDir} is stopping; waiting to start it again`);
      await untilGone(step.supervisor, Math.max(0, deadline - Date.now()));
      continue;
    }
    const endpoint = await untilReady(folder, step.supervisor, deadline);
    if (endpoint === 'stopping') continue;
    return { endpoint, started: step.started, supervisor: step.supervisor };
  }
}

/** Attaches this process to the local service of `dataDir`, starting it when no process runs it. */
export async function attachService(options: AttachOptions): Promise<AttachedService> {
  const folder = new ServiceFolder(options.kind, options.dataDir);
  let attached = await attachOnce(folder, options).catch((error: unknown) => {
    folder.removeLease();
    throw error;
  });
  let released = false;
  let reattaching = false;
  // A supervisor that dies (killed, out of memory) takes its service with it: start a new one, on the same ports.
  const watch = setInterval(() => {
    if (released || reattaching) return;
    if (isRunning(attached.supervisor)) {
      if (!folder.hasLease()) folder.writeLease();
      return;
    }
    reattaching = true;
    options.say(`the supervisor of the local ${labels[folder.kind]} (pid ${attached.supervisor.pid}) is gone; starting it again`);
    attachOnce(folder, options)
      .then((again) => {
        if (JSON.stringify(again.endpoint) !== JSON.stringify(attached.endpoint))
          options.say(`the local ${labels[folder.kind]} now answers at ${JSON.stringify(again.endpoint)}: restart this process to use it`);
        attached = again;
      })
      .catch((error: unknown) => options.say(`the local ${labels[folder.kind]} could not be started again: ${String(error)}`))
      .finally(() => {
        reattaching = false;
      });
  }, 1000);
  watch.unref();
  return {
    endpoint: attached.endpoint,
    started: attached.started,
    release: async () => {
      released = true;
      clearInterval(watch);
      const last = await withExclusiveLock(folder.lockFile, () => {
        folder.removeLease();
        return folder.pruneLeases().live.length === 0;
      });
      if (!last) {
        options.say(`the local ${labels[folder.kind]} keeps running for the other Sluice processes that use it`);
        return;
      }
      const state = folder.liveState();
      if (state && !(await untilGone(state, 90_000))) options.say(`the local ${labels[folder.kind]} did not stop within 90 s`);
    },
  };
}
