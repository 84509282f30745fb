// The files through which the processes of one installation share a local service (a Kafka
// cluster or PostgreSQL) kept in one data folder:
//   <folder>/supervisor/state.json     the supervisor's pid, phase and the service's address
//   <folder>/supervisor/lock           an O_EXCL lock around attaching, detaching and deciding to stop
//   <folder>/supervisor/leases/<pid>   one per process that uses the service, holding its pid
//   <folder>/supervisor/supervisor.log what the supervisor did (starts, restarts, stops)
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSameProcessAlive, processStartTime } from '../process-alive.ts';

export type ServiceKind = 'kafka' | 'postgres';

export type ServiceEndpoint = { kind: 'kafka'; brokers: string[]; brokerCount: number } | { kind: 'postgres'; url: string };

/** A process, named so that a reused pid is not mistaken for it. */
export interface ProcessRef {
  pid: number;
  startTime?: string;
}

export type SupervisorPhase = 'starting' | 'ready' | 'stopping' | 'failed';

export interface SupervisorState extends ProcessRef {
  kind: ServiceKind;
  phase: SupervisorPhase;
  endpoint?: ServiceEndpoint;
  /** The service's own processes (JVMs, postgres): a successor waits until they are gone. */
  servicePids: ProcessRef[];
  /** Left by the previous supervisor of this folder, whose processes may still be shutting down. */
  previousPids?: ProcessRef[];
  error?: { message: string; detail?: string };
  updatedAt: string;
}

export interface Lease extends ProcessRef {
  command: string;
}

export function processRef(pid: number): ProcessRef {
  const startTime = processStartTime(pid);
  return startTime === undefined ? { pid } : { pid, startTime };
}

export function isRunning(ref: ProcessRef): boolean {
  return isSameProcessAlive(ref.pid, ref.startTime);
}

export class ServiceFolder {
  constructor(
    readonly kind: ServiceKind,
    /** The service's data folder, such as .data/kafka or .data/postgres. */
    readonly dataDir: string,
  ) {}

  get dir(): string {
    return join(this.dataDir, 'supervisor');
  }

  get lockFile(): string {
    return join(this.dir, 'lock');
  }

  get logFile(): string {
    return join(this.dir, 'supervisor.log');
  }

  private get stateFile(): string {
    return join(this.dir, 'state.json');
  }

  private get leasesDir(): string {
    return join(this.dir, 'leases');
  }

  ensure(): void {
    mkdirSync(this.leasesDir, { recursive: true });
  }

  readState(): SupervisorState | undefined {
    try {
      return JSON.parse(readFileSync(this.stateFile, 'utf8')) as SupervisorState;
    } catch {
      return undefined;
    }
  }

  /** Written whole and renamed into place: a reader never sees half a file. */
  writeState(state: Omit<SupervisorState, 'updatedAt'>): void {
    this.ensure();
    const temporary = `${this.stateFile}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ ...state, updatedAt: new Date().toISOString() }, null, 2));
    renameSync(temporary, this.stateFile);
  }

  /** The state of a supervisor that is still running, or undefined. */
  liveState(): SupervisorState | undefined {
    const state = this.readState();
    return state && isRunning(state) ? state : undefined;
  }

  writeLease(pid = process.pid, command = process.argv.slice(1).join(' ')): void {
    this.ensure();
    const lease: Lease = { ...processRef(pid), command };
    writeFileSync(join(this.leasesDir, String(pid)), JSON.stringify(lease));
  }

  removeLease(pid = process.pid): void {
    rmSync(join(this.leasesDir, String(pid)), { force: true });
  }

  hasLease(pid = process.pid): boolean {
    return this.leases().some((lease) => lease.pid === pid);
  }

  leases(): Lease[] {
    let names: string[];
    try {
      names = readdirSync(this.leasesDir);
    } catch {
      return [];
    }
    const leases: Lease[] = [];
    for (const name of names) {
      try {
        leases.push(JSON.parse(readFileSync(join(this.leasesDir, name), 'utf8')) as Lease);
      } catch {
        // Being written right now, or removed while we looked: the next look sees it.
        if (/^\d+$/.test(name)) leases.push({ pid: Number(name), command: '?' });
      }
    }
    return leases;
  }

  /** Removes the leases of processes that are gone; returns those still held and those removed. */
  pruneLeases(): { live: Lease[]; pruned: Lease[] } {
    const live: Lease[] = [];
    const pruned: Lease[] = [];
    for (const lease of this.leases()) {
      if (isRunning(lease)) live.push(lease);
      else {
        this.removeLease(lease.pid);
        pruned.push(lease);
      }
    }
    return { live, pruned };
  }
}
