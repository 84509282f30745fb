// The faults the soak injects, each the way it happens in production: a worker or the runtime
// killed with SIGKILL (then started again, as a process manager would), the broker's JVM killed,
// PostgreSQL killed (their supervisor, runtime/local/services/, starts them again by itself).

import { kafkaDataDir, postgresDataDir } from '../../runtime/local/services/local-services.ts';
import { ServiceFolder } from '../../runtime/local/services/service-folder.ts';

export type FaultKind = 'worker-kill' | 'runtime-kill' | 'broker-kill' | 'postgres-kill';

export const FAULT_KINDS: readonly FaultKind[] = ['worker-kill', 'runtime-kill', 'broker-kill', 'postgres-kill'];

/** The pids of a local service's own processes (the broker's JVM, PostgreSQL's postmaster), as its supervisor lists them. */
export function servicePids(dataDir: string, kind: 'kafka' | 'postgres'): number[] {
  const folder = new ServiceFolder(kind, kind === 'kafka' ? kafkaDataDir(dataDir, 1) : postgresDataDir(dataDir));
  return (folder.liveState()?.servicePids ?? []).map((ref) => ref.pid);
}

export function killService(dataDir: string, kind: 'kafka' | 'postgres'): number[] {
  const pids = servicePids(dataDir, kind);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }
  return pids;
}

/**
 * A plan of faults over `durationMs`: every kind at least once, in a seeded random order, at
 * random moments at least `gapMs` apart (so each recovery is measured on its own).
 */
export function faultPlan(durationMs: number, gapMs: number, random: () => number): { atMs: number; kind: FaultKind }[] {
  const count = Math.max(FAULT_KINDS.length, Math.floor(durationMs / gapMs) - 1);
  const kinds = Array.from({ length: count }, (_, i) => FAULT_KINDS[i % FAULT_KINDS.length] as FaultKind);
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j] as FaultKind, kinds[i] as FaultKind];
  }
  const slot = durationMs / (count + 1);
  return kinds.map((kind, i) => ({ atMs: Math.round(slot * (i + 1) + (random() - 0.5) * Math.max(0, slot - gapMs)), kind }));
}
