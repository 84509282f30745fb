import type { ProcessRef, ServiceEndpoint } from './service-folder.ts';

/** A local service as its supervisor runs it: started once, kept alive (restarted when a process dies), stopped once. */
export interface ManagedService {
  start(): Promise<ServiceEndpoint>;
  /** The service's processes now; they change when one is restarted. */
  processes(): ProcessRef[];
  stop(): Promise<void>;
}

/** How long to wait before restart number `attempt` of a process that keeps dying: 1 s, 2 s, 4 s … at most 30 s. */
export function restartDelayMs(attempt: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempt - 1), 30_000);
}
